using System.Globalization;
using System.Text.Json;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// A private RabbitMQ cluster on this machine, started from the installed <c>rabbitmq-server</c>: N nodes with distinct node names and ports,
/// one Erlang cookie and one epmd (on a private port), joined with <c>rabbitmqctl join_cluster</c>, all in one temporary folder. Quorum queues
/// declared once the cluster is formed have a replica on every node (the default group size is 3). Nodes can be killed with SIGKILL and
/// started again; the cluster is torn down (and its folder deleted) on dispose or when the process exits.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    private static readonly string[] ServerDirectories = ["/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin", "/opt/rabbitmq/sbin"];
    private static readonly TimeSpan ReplicationTimeout = TimeSpan.FromMinutes(3);
    private const string FolderPrefix = "ordereats-rabbitmq-cluster-";
    private const string OwnerFile = "owner.pid";
    private const string EpmdPortFile = "epmd.port";

    private readonly string folder;
    private readonly string serverDirectory;
    private readonly int epmdPort;
    private readonly List<RabbitMqNode> nodes = [];
    private int disposed;

    private RabbitMqCluster(string folder, string serverDirectory, int epmdPort)
    {
        this.folder = folder;
        this.serverDirectory = serverDirectory;
        this.epmdPort = epmdPort;
    }

    /// <summary>Every node's AMQP URI, comma-separated: what <c>ORDEREATS_RABBITMQ</c> takes for a cluster.</summary>
    public string AmqpUri => string.Join(',', NodeUris);

    /// <summary>The AMQP URI of each node, by index.</summary>
    public IReadOnlyList<string> NodeUris => [.. nodes.Select(n => n.AmqpUri)];

    /// <summary>The Erlang node names, by index.</summary>
    public IReadOnlyList<string> NodeNames => [.. nodes.Select(n => n.NodeName)];

    /// <summary>The AMQP URI of a node that runs (for a plain connection that needs just one).</summary>
    public string RunningNodeUri => nodes.FirstOrDefault(n => n.IsRunning)?.AmqpUri ?? throw new InvalidOperationException("No node of the cluster is running.");

    /// <summary>True while node <paramref name="node"/> runs.</summary>
    public bool IsRunning(int node) => nodes[node].IsRunning;

    /// <summary>Starts <paramref name="nodeCount"/> nodes and joins them into one cluster.</summary>
    public static async Task<RabbitMqCluster> StartPrivateAsync(int nodeCount = 3, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        var serverDirectory = ServerDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "rabbitmq-server")))
            ?? throw new InvalidOperationException(
                $"rabbitmq-server is not installed (looked in {string.Join(", ", ServerDirectories)}). Install it (apt-get install -y rabbitmq-server).");
        StopOrphans(serverDirectory);
        var id = Guid.NewGuid().ToString("N")[..10];
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + id);
        var home = Path.Combine(folder, "home");
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);

        // One cookie for every node and for the CLI tools: nodes of a cluster authenticate each other with it.
        var cookie = Path.Combine(home, ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, "OE" + Guid.NewGuid().ToString("N").ToUpperInvariant(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }

        var cluster = new RabbitMqCluster(folder, serverDirectory, FreePort.Find());
        await File.WriteAllTextAsync(Path.Combine(folder, EpmdPortFile), cluster.epmdPort.ToString(CultureInfo.InvariantCulture), cancellationToken);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.KillEverything();
        try
        {
            for (var i = 1; i <= nodeCount; i++)
            {
                cluster.nodes.Add(await RabbitMqNode.Create(
                    serverDirectory, Path.Combine(folder, $"node{i}"), home, $"oe{id}-{i}@localhost", cluster.epmdPort, cancellationToken));
            }

            await cluster.nodes[0].Start(cancellationToken);
            await Task.WhenAll(cluster.nodes.Skip(1).Select(n => n.Start(cancellationToken)));
            foreach (var node in cluster.nodes.Skip(1))
            {
                await cluster.Join(node, cancellationToken);
            }

            await cluster.WaitUntilClustered(cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>SIGKILLs node <paramref name="node"/>: its connections drop and its queue replicas stop without a word, as when its machine dies.</summary>
    public Task KillNode(int node, CancellationToken cancellationToken = default) => nodes[node].Kill(cancellationToken);

    /// <summary>Starts node <paramref name="node"/> again and waits until it is back in the cluster and every quorum queue has all replicas again.</summary>
    public async Task StartNode(int node, CancellationToken cancellationToken = default)
    {
        await nodes[node].Start(cancellationToken);
        await WaitUntilClustered(cancellationToken);
        await WaitUntilFullyReplicated(cancellationToken);
    }

    /// <summary>Stops every node the orderly way (data kept), the last one first.</summary>
    public async Task Stop(CancellationToken cancellationToken = default)
    {
        foreach (var node in Enumerable.Reverse(nodes))
        {
            await node.Stop(cancellationToken);
        }
    }

    /// <summary>Starts every node (together: each waits for its peers) and waits until the cluster is whole again.</summary>
    public async Task Start(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(nodes.Select(n => n.Start(cancellationToken)));
        await WaitUntilClustered(cancellationToken);
        await WaitUntilFullyReplicated(cancellationToken);
    }

    /// <summary>
    /// Waits until no node is critical for any quorum queue (each still has a majority of replicas online without it), so one more node can die
    /// without a queue losing its quorum.
    /// </summary>
    public async Task WaitUntilFullyReplicated(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplicationTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var critical = "";
        try
        {
            while (true)
            {
                critical = "";
                foreach (var node in nodes.Where(n => n.IsRunning))
                {
                    var (exitCode, output) = await node.Queues(["check_if_node_is_quorum_critical"], timeout.Token);
                    if (exitCode != 0)
                    {
                        critical = $"{node.NodeName}: {output.Trim()}";
                        break;
                    }
                }

                if (critical.Length == 0)
                {
                    return;
                }

                await timer.WaitForNextTickAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Quorum queues were not fully replicated again within {ReplicationTimeout}: {critical}");
        }
    }

    /// <summary>The nodes hosting a replica of quorum queue <paramref name="queue"/>.</summary>
    public async Task<IReadOnlyList<string>> QuorumMembers(string queue, CancellationToken cancellationToken = default)
    {
        var node = nodes.First(n => n.IsRunning);
        var (exitCode, output) = await node.Control(["list_queues", "name", "members", "--formatter", "json", "--quiet"], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues failed on {node.NodeName}: {output}");
        }

        using var json = JsonDocument.Parse(output);
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            if (entry.GetProperty("name").GetString() == queue)
            {
                return entry.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
                    ? [.. members.EnumerateArray().Select(m => m.GetString() ?? "")]
                    : [];
            }
        }

        throw new InvalidOperationException($"Queue '{queue}' does not exist on the cluster.");
    }

    /// <summary>Kills every node and the cluster's epmd, then deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        foreach (var node in nodes)
        {
            await node.Kill();
        }

        KillEpmd();
        DeleteFolder();
    }

    private async Task Join(RabbitMqNode node, CancellationToken cancellationToken)
    {
        foreach (var step in new[] { new[] { "stop_app" }, ["reset"], ["join_cluster", nodes[0].NodeName], ["start_app"] })
        {
            var (exitCode, output) = await node.Control(step, cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', step)} failed on {node.NodeName} (exit {exitCode}): {output}");
            }
        }
    }

    private async Task WaitUntilClustered(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplicationTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var expected = nodes.Where(n => n.IsRunning).Select(n => n.NodeName).ToHashSet(StringComparer.Ordinal);
        var seen = "";
        try
        {
            while (true)
            {
                var (exitCode, output) = await nodes.First(n => n.IsRunning).Control(["cluster_status", "--formatter", "json"], timeout.Token);
                if (exitCode == 0)
                {
                    using var json = JsonDocument.Parse(output);
                    var running = json.RootElement.GetProperty("running_nodes").EnumerateArray().Select(n => n.GetString()).ToHashSet(StringComparer.Ordinal);
                    seen = string.Join(", ", running);
                    if (expected.IsSubsetOf(running!))
                    {
                        return;
                    }
                }

                await timer.WaitForNextTickAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The cluster did not show every running node within {ReplicationTimeout}; running: {seen}");
        }
    }

    private void KillEverything()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        foreach (var node in nodes)
        {
            node.KillNow();
        }

        KillEpmd();
        DeleteFolder();
    }

    // A run that was killed (SIGKILL, a CI timeout) leaves its nodes running; stop those whose owning process is gone (never a live run's).
    private static void StopOrphans(string serverDirectory)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || Directory.Exists($"/proc/{owner.ToString(CultureInfo.InvariantCulture)}"))
            {
                continue;
            }

            foreach (var pidFile in Directory.GetFiles(folder, "rabbitmq.pid", SearchOption.AllDirectories))
            {
                // Only a process that runs from this folder: a pid may have been reused since.
                if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && File.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline") &&
                    File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Contains(folder, StringComparison.Ordinal))
                {
                    ProcessTree.Kill(pid);
                }
            }

            var portFile = Path.Combine(folder, EpmdPortFile);
            var port = File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile), out var p) ? p : 0;
            var orphan = new RabbitMqCluster(folder, serverDirectory, port);
            if (port > 0)
            {
                orphan.KillEpmd();
            }

            orphan.DeleteFolder();
        }
    }

    private void KillEpmd()
    {
        try
        {
            using var epmd = new System.Diagnostics.Process
            {
                StartInfo = new System.Diagnostics.ProcessStartInfo("epmd")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    ArgumentList = { "-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-kill" },
                },
            };
            epmd.Start();

            // It prints "Killed": not for the caller's output.
            _ = epmd.StandardOutput.ReadToEnd() + epmd.StandardError.ReadToEnd();
            epmd.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd on PATH: the cluster's epmd (on its private port) stays until the machine restarts; harmless.
        }
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the OS eventually.
        }
    }
}
