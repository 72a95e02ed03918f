using OrderEats.TestInfrastructure;

namespace OrderEats.Console.Tests.PostgreSql;

/// <summary>Starts (or connects to, via ORDEREATS_POSTGRES) one PostgreSQL server for the console's PostgreSQL fixtures.</summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    private static PostgresServer? server;

    public static PostgresServer Server => server ?? throw new InvalidOperationException("The PostgreSQL server is not running: PostgresSetUp did not run.");

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        server = await PostgresServer.Start(timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    /// <summary>Console settings for a fresh, uniquely named console database (dropped with the server).</summary>
    public static Dictionary<string, string?> UniqueDatabase(Dictionary<string, string?>? settings = null)
    {
        var name = Server.NewDatabaseName("ordereats_console");
        var result = settings ?? [];
        result["Console:Database"] = name["ordereats_".Length..];
        return result;
    }

    public static string ServerConnectionString => Server.ConnectionString("postgres");
}
