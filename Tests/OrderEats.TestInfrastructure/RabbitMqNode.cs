using System.Diagnostics;
using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// One node of a private RabbitMQ cluster: its own node name, AMQP and distribution ports, data, logs and pid file in its own folder; the epmd
/// port and the Erlang cookie (in the shared HOME) are the cluster's. It can be started, stopped, and killed with SIGKILL like a crashed machine.
/// </summary>
internal sealed class RabbitMqNode
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string serverDirectory;
    private readonly string folder;
    private readonly Dictionary<string, string> environment;
    private Process? server;

    private RabbitMqNode(string serverDirectory, string folder, string nodeName, int amqpPort, Dictionary<string, string> environment)
    {
        this.serverDirectory = serverDirectory;
        this.folder = folder;
        this.environment = environment;
        NodeName = nodeName;
        AmqpPort = amqpPort;
    }

    public string NodeName { get; }

    public int AmqpPort { get; }

    public string AmqpUri => string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{AmqpPort}/");

    public bool IsRunning => server is { HasExited: false };

    private string PidFile => environment["RABBITMQ_PID_FILE"];

    /// <summary>Writes the node's configuration under <paramref name="folder"/>; <see cref="Start"/> runs it.</summary>
    public static async Task<RabbitMqNode> Create(string serverDirectory, string folder, string home, string nodeName, int epmdPort, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var amqpPort = FreePort.Find();
        var distPort = FreePort.Find();
        // The minority side of a partition pauses instead of serving diverging state (the recommended setting for 3+ nodes).
        var environment = await RabbitMqTools.PrepareNode(
            folder, home, nodeName, amqpPort, distPort, epmdPort, "cluster_partition_handling = pause_minority\n", cancellationToken);
        return new RabbitMqNode(serverDirectory, folder, nodeName, amqpPort, environment);
    }

    /// <summary>Starts the node (again) and waits until its application runs.</summary>
    public async Task Start(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        // A pid file left by a killed node names a dead process; rabbitmqctl wait would give up on it at once.
        File.Delete(PidFile);
        server?.Dispose();
        var log = Path.Combine(folder, "server.out");
        server = NewProcess("/bin/sh", "-c", $"exec '{Path.Combine(serverDirectory, "rabbitmq-server")}' >> '{log}' 2>&1");
        server.Start();
        var (exitCode, output) = await Control(["wait", PidFile, "--timeout", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)], cancellationToken);
        if (exitCode != 0)
        {
            var serverLog = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log, cancellationToken)).TakeLast(30)) : "(no output)";
            throw new InvalidOperationException($"RabbitMQ node {NodeName} did not start (rabbitmqctl wait exited {exitCode}): {output}\nServer output:\n{serverLog}");
        }
    }

    /// <summary>Stops the node the orderly way (rabbitmqctl stop); its data stays.</summary>
    public async Task Stop(CancellationToken cancellationToken = default)
    {
        if (server is null)
        {
            return;
        }

        if (!server.HasExited)
        {
            await Control(["stop", PidFile], cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await Kill(cancellationToken);
            }
        }
    }

    /// <summary>SIGKILLs the Erlang VM (no shutdown: connections drop, nothing is flushed) and waits until it is gone.</summary>
    public async Task Kill(CancellationToken cancellationToken = default)
    {
        if (server is null || server.HasExited)
        {
            return;
        }

        if (File.Exists(PidFile) && int.TryParse((await File.ReadAllTextAsync(PidFile, cancellationToken)).Trim(), out var pid))
        {
            try
            {
                using var beam = Process.GetProcessById(pid);
                beam.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        else
        {
            // Not booted far enough to write its pid: take the whole start script down.
            server.Kill(entireProcessTree: true);
        }

        await server.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Kills the node without waiting for anything; for process-exit cleanup.</summary>
    public void KillNow()
    {
        try
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>Runs rabbitmqctl against this node.</summary>
    public Task<(int ExitCode, string Output)> Control(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        Run("rabbitmqctl", arguments, cancellationToken);

    /// <summary>Runs rabbitmq-queues against this node.</summary>
    public Task<(int ExitCode, string Output)> Queues(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        Run("rabbitmq-queues", arguments, cancellationToken);

    private Task<(int ExitCode, string Output)> Run(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RabbitMqTools.Run(environment, serverDirectory, tool, NodeName, arguments, cancellationToken);

    private Process NewProcess(string fileName, params string[] arguments) => RabbitMqTools.NewProcess(environment, fileName, arguments);
}
