using System.Diagnostics;
using Npgsql;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Database;

/// <summary>A private PostgreSQL server on which Endpoints/Deployment/postgres/roles.sh (the script compose runs) created the per-service roles and databases.</summary>
public sealed class DatabaseRoles : IAsyncDisposable
{
    public static readonly string[] Services = ["orders", "payments", "kitchen", "notifications", "console"];

    private readonly Dictionary<string, string> passwords = Services.ToDictionary(s => s, s => s + "-" + Guid.NewGuid().ToString("N")[..16]);

    private DatabaseRoles(PostgresServer server) => Server = server;

    public PostgresServer Server { get; }

    public static async Task<DatabaseRoles> Start(string serverOptions = "")
    {
        var roles = new DatabaseRoles(await PostgresServer.StartPrivate(new PostgresServerOptions { ServerOptions = serverOptions }));
        try
        {
            var (exitCode, output) = await roles.RunScript();
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"roles.sh exited {exitCode}:\n{output}");
            }
        }
        catch
        {
            await roles.DisposeAsync();
            throw;
        }

        return roles;
    }

    /// <summary>The server connection string a service is given (its database is chosen by the service: ordereats_&lt;service&gt;).</summary>
    public string ServerConnectionString(string role, string? extra = null) =>
        new NpgsqlConnectionStringBuilder(Server.ServerConnectionString + (extra is null ? string.Empty : ";" + extra)) { Username = role, Password = passwords[role], Pooling = false }.ConnectionString;

    public string ConnectionString(string role, string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString(role)) { Database = database }.ConnectionString;

    public async Task<(int ExitCode, string Output)> RunScript()
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Find(), "Endpoints", "Deployment", "postgres", "roles.sh"));
        start.Environment["PGHOST"] = "127.0.0.1";
        start.Environment["PGPORT"] = Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["POSTGRES_USER"] = "postgres";
        start.Environment["PATH"] = string.Join(':', Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Append(Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"));
        foreach (var (service, password) in passwords)
        {
            start.Environment[service.ToUpperInvariant() + "_DB_PASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
