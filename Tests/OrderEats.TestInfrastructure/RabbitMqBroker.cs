using System.Diagnostics;
using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// A RabbitMQ broker for tests: the one named by <c>ORDEREATS_RABBITMQ</c> (an AMQP URI) if set, otherwise a private node started
/// from the installed <c>rabbitmq-server</c> with its own node name, ports, epmd, data, logs and cookie in a temporary folder, so it
/// never touches a broker someone else runs. A private broker can be stopped and started again (same data) for restart tests.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    /// <summary>The environment variable holding the AMQP URI of an existing broker to use instead of a private one.</summary>
    public const string EnvironmentVariable = "ORDEREATS_RABBITMQ";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] ServerDirectories = ["/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin", "/opt/rabbitmq/sbin"];

    private readonly string? folder;
    private readonly string? serverDirectory;
    private readonly string nodeName = "";
    private readonly Dictionary<string, string> environment = [];
    private Process? server;

    private RabbitMqBroker(string amqpUri)
    {
        AmqpUri = amqpUri;
    }

    private RabbitMqBroker(string serverDirectory, string folder, string nodeName, int amqpPort, Dictionary<string, string> environment)
    {
        this.serverDirectory = serverDirectory;
        this.folder = folder;
        this.nodeName = nodeName;
        this.environment = environment;
        AmqpUri = string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{amqpPort}/");
    }

    /// <summary>The AMQP URI of the broker.</summary>
    public string AmqpUri { get; }

    /// <summary>The port of the TLS listener (amqps) of a broker started with <see cref="RabbitMqTls"/>; 0 without one.</summary>
    public int TlsPort { get; private init; }

    /// <summary>True when this process started the broker (and can stop and start it).</summary>
    public bool IsPrivate => folder is not null;

    /// <summary>True while the private broker runs (always true for an external one).</summary>
    public bool IsRunning => !IsPrivate || server is { HasExited: false };

    /// <summary>Uses <c>ORDEREATS_RABBITMQ</c> if set, else starts a private broker.</summary>
    public static async Task<RabbitMqBroker> StartAsync(CancellationToken cancellationToken = default)
    {
        var uri = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(uri) ? await StartPrivateAsync(cancellationToken) : new RabbitMqBroker(uri);
    }

    /// <summary>Starts a private broker whatever the environment says (for tests that stop and start it).</summary>
    public static Task<RabbitMqBroker> StartPrivateAsync(CancellationToken cancellationToken = default) => StartPrivateAsync(null, cancellationToken);

    /// <summary>Starts a private broker that also accepts AMQP over TLS (amqps) with <paramref name="tls"/>'s certificate, on <see cref="TlsPort"/>.</summary>
    public static async Task<RabbitMqBroker> StartPrivateAsync(RabbitMqTls? tls, CancellationToken cancellationToken = default)
    {
        var serverDirectory = ServerDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "rabbitmq-server")))
            ?? throw new InvalidOperationException(
                $"rabbitmq-server is not installed (looked in {string.Join(", ", ServerDirectories)}). Install it (apt-get install -y rabbitmq-server) " +
                $"or set {EnvironmentVariable} to the AMQP URI of a broker the tests may use.");

        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Path.GetTempPath(), "ordereats-rabbitmq-" + id);
        Directory.CreateDirectory(Path.Combine(folder, "home"));
        var nodeName = $"ordereats-{id}@localhost";
        var amqpPort = FreePort.Find();
        var tlsPort = tls is null ? 0 : FreePort.Find();
        var distPort = FreePort.Find();
        var epmdPort = FreePort.Find();
        var environment = await RabbitMqTools.PrepareNode(
            folder, Path.Combine(folder, "home"), nodeName, amqpPort, distPort, epmdPort, tls is null ? string.Empty : tls.Configuration(tlsPort), cancellationToken);

        var broker = new RabbitMqBroker(serverDirectory, folder, nodeName, amqpPort, environment) { TlsPort = tlsPort };
        try
        {
            await broker.Start(cancellationToken);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    /// <summary>The rabbitmqctl command line for this private node (<c>…/rabbitmqctl -n node</c>) and the environment it needs (cookie, epmd port).</summary>
    public (string Command, IReadOnlyDictionary<string, string> Environment) ControlCommand
    {
        get
        {
            EnsurePrivate();
            return ($"{Path.Combine(serverDirectory!, "rabbitmqctl")} -n {nodeName}", environment);
        }
    }

    /// <summary>A queue or exchange name unique to the caller: <paramref name="prefix"/> plus a random suffix.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>Starts the private broker (again) and waits until it accepts connections.</summary>
    public async Task Start(CancellationToken cancellationToken = default)
    {
        EnsurePrivate();
        if (server is { HasExited: false })
        {
            return;
        }

        var log = Path.Combine(folder!, "server.out");
        var start = NewProcess("/bin/sh", "-c", $"exec '{Path.Combine(serverDirectory!, "rabbitmq-server")}' >> '{log}' 2>&1");
        start.Start();
        server = start;

        var (exitCode, output) = await Control(["wait", environment["RABBITMQ_PID_FILE"], "--timeout", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)], cancellationToken);
        if (exitCode != 0)
        {
            var serverLog = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log, cancellationToken)).TakeLast(30)) : "(no output)";
            throw new InvalidOperationException($"Private RabbitMQ node {nodeName} did not start (rabbitmqctl wait exited {exitCode}): {output}\nServer output:\n{serverLog}");
        }
    }

    /// <summary>Stops the private broker (its data stays, so <see cref="Start"/> brings back durable queues and messages).</summary>
    public async Task Stop(CancellationToken cancellationToken = default)
    {
        EnsurePrivate();
        if (server is null)
        {
            return;
        }

        if (!server.HasExited)
        {
            await Control(["stop", environment["RABBITMQ_PID_FILE"]], cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(cancellationToken);
            }
        }

        server.Dispose();
        server = null;
    }

    /// <summary>Stops a private broker, stops its epmd and deletes its folder; nothing for an external broker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsPrivate)
        {
            return;
        }

        try
        {
            await Stop();
        }
        finally
        {
            await KillEpmd();
            try
            {
                Directory.Delete(folder!, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying process; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private async Task KillEpmd()
    {
        try
        {
            using var epmd = NewProcess("epmd", "-port", environment["ERL_EPMD_PORT"], "-kill");
            epmd.Start();
            await epmd.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd on PATH: the node's epmd (on its private port) stays until the machine restarts; harmless.
        }
    }

    private Task<(int ExitCode, string Output)> Control(string[] arguments, CancellationToken cancellationToken) =>
        RabbitMqTools.Run(environment, serverDirectory!, "rabbitmqctl", nodeName, arguments, cancellationToken);

    private Process NewProcess(string fileName, params string[] arguments) => RabbitMqTools.NewProcess(environment, fileName, arguments);

    private void EnsurePrivate()
    {
        if (!IsPrivate)
        {
            throw new InvalidOperationException($"The broker at {AmqpUri} comes from {EnvironmentVariable}; tests may only stop and start a private broker (StartPrivateAsync).");
        }
    }
}
