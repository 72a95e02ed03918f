using System.Diagnostics;
using System.Globalization;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Broker;

/// <summary>
/// A private broker on which Endpoints/Deployment/rabbitmq/accounts.sh (the script compose runs) created the per-service accounts; the guest
/// account is gone afterwards, as in production.
/// </summary>
public sealed class BrokerAccounts : IAsyncDisposable
{
    public static readonly string[] Services = ["orders", "payments", "kitchen", "notifications", "console"];

    private readonly Dictionary<string, string> passwords = Services.ToDictionary(s => s, s => s + "-" + Guid.NewGuid().ToString("N")[..16]);

    private BrokerAccounts(RabbitMqBroker broker) => Broker = broker;

    public RabbitMqBroker Broker { get; }

    public int Port => new Uri(Broker.AmqpUri).Port;

    public static async Task<BrokerAccounts> Start(RabbitMqTls? tls = null)
    {
        var accounts = new BrokerAccounts(await RabbitMqBroker.StartPrivateAsync(tls));
        try
        {
            var (exitCode, output) = await accounts.RunScript();
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"accounts.sh exited {exitCode}:\n{output}");
            }
        }
        catch
        {
            await accounts.DisposeAsync();
            throw;
        }

        return accounts;
    }

    public string Uri(string user, string? password = null) =>
        string.Create(CultureInfo.InvariantCulture, $"amqp://{user}:{Escape(password ?? passwords[user])}@127.0.0.1:{Port}/");

    public string TlsUri(string user, string host) =>
        string.Create(CultureInfo.InvariantCulture, $"amqps://{user}:{Escape(passwords[user])}@{host}:{Broker.TlsPort}/");

    /// <summary>Runs the committed script with the passwords in its environment and rabbitmqctl pointed at the private node.</summary>
    public async Task<(int ExitCode, string Output)> RunScript()
    {
        var (command, environment) = Broker.ControlCommand;
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Find(), "Endpoints", "Deployment", "rabbitmq", "accounts.sh"));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["RABBITMQCTL"] = command;
        foreach (var (service, password) in passwords)
        {
            start.Environment[service.ToUpperInvariant() + "_RABBITMQ_PASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>rabbitmqctl on the private node.</summary>
    public async Task<string> Control(params string[] arguments)
    {
        var (command, environment) = Broker.ControlCommand;
        var parts = command.Split(' ');
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in parts.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(part);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return await output;
    }

    public ValueTask DisposeAsync() => Broker.DisposeAsync();

    private static string Escape(string value) => System.Uri.EscapeDataString(value);
}
