using System.Collections.Concurrent;
using OrderEats.TestInfrastructure;

namespace OrderEats.Chaos;

/// <summary>
/// Injects the faults spread over the placement window, one at a time: kill -9 of a random endpoint process (restarted after a moment), a restart
/// of the whole broker, kill -9 of one broker node (restarted and rejoined), a database restart (fast shutdown), a database crash (kill -9 of the
/// postmaster and its backends, then crash recovery), and a failover to the synchronous standby. Right after the fault strikes (while the
/// process, node or server is still coming back) it places a probe order and counts the time from the fault until that order is terminal: the
/// fault's recovery time as a customer sees it. The next fault waits until the last one is repaired.
/// </summary>
internal sealed class FaultInjector(ServiceCluster cluster, ChaosBroker broker, PostgresServer postgres, OrderPlacer placer, OrderDatabases databases)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public const string Kill = "kill";
    public const string BrokerRestart = "broker_restart";
    public const string BrokerNodeKill = "broker_node_kill";
    public const string DbRestart = "db_restart";
    public const string DbCrash = "db_crash";
    public const string DbFailover = "db_failover";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, int> injected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> longestRecovery = [];

    /// <summary>Faults that happened, by kind.</summary>
    public int Count(string kind) => injected.GetValueOrDefault(kind);

    /// <summary>The longest recovery of each kind of fault that happened, in seconds.</summary>
    public IReadOnlyDictionary<string, double> LongestRecovery => longestRecovery;

    /// <summary>The faults so far, for progress lines.</summary>
    public string Summary => injected.IsEmpty ? "none" : string.Join(", ", injected.Select(f => $"{f.Key} {f.Value}"));

    public double MaxRecoverySeconds => longestRecovery.Count == 0 ? 0 : longestRecovery.Values.Max();

    public async Task Run(ChaosOptions options, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var faults = Enumerable.Repeat(Kill, options.Kills)
            .Concat(Enumerable.Repeat(BrokerRestart, options.BrokerRestarts))
            .Concat(Enumerable.Repeat(BrokerNodeKill, options.BrokerNodeKills))
            .Concat(Enumerable.Repeat(DbRestart, options.DbRestarts))
            .Concat(Enumerable.Repeat(DbCrash, options.DbCrashes))
            .Concat(Enumerable.Repeat(DbFailover, options.DbFailovers))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var begun = Clock.GetTimestamp();
        for (var i = 0; i < faults.Count; i++)
        {
            var due = window * (0.1 + (0.8 * i / Math.Max(1, faults.Count)));
            if (due > Clock.GetElapsedTime(begun))
            {
                // The chaos schedule: faults spread over the run.
                await Task.Delay(due - Clock.GetElapsedTime(begun), cancellationToken);
            }

            var started = Clock.GetTimestamp();
            var (what, repair) = await Inject(faults[i], cancellationToken);
            injected.AddOrUpdate(faults[i], 1, (_, n) => n + 1);
            var probe = await placer.Place(1_000_000 + i, cancellationToken);
            await WaitTerminal(probe, cancellationToken);
            var recovery = Clock.GetElapsedTime(started).TotalSeconds;
            await repair;
            longestRecovery[faults[i]] = Math.Max(longestRecovery.GetValueOrDefault(faults[i]), recovery);
            Program.Progress($"fault {i + 1}/{faults.Count}: {what}; a new order completed {recovery:0.0} s after the fault");
        }
    }

    /// <summary>Strikes the fault and returns what it was and the repair (restart, rejoin, rebuild), which runs on while the probe is placed.</summary>
    private async Task<(string What, Task Repair)> Inject(string fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case Kill:
                var (process, baseUrl) = cluster.Processes[Random.Shared.Next(cluster.Processes.Count)];
                await process.Kill(cancellationToken);
                return ($"kill -9 {process.Name}, restarted", Restart(process, baseUrl, cancellationToken));
            case BrokerRestart:
                await broker.Stop(cancellationToken);
                return (broker.Nodes > 1 ? $"RabbitMQ cluster ({broker.Nodes} nodes) stopped and started" : "RabbitMQ stopped and started", broker.Start(TimeSpan.FromSeconds(2), cancellationToken));
            case BrokerNodeKill:
                var node = await broker.KillNode(cancellationToken);
                return ($"kill -9 RabbitMQ node {broker.NodeName(node)}, restarted and rejoined with every quorum queue whole again",
                    broker.RestartNode(node, TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 3000)), cancellationToken));
            case DbRestart:
                await postgres.Stop(cancellationToken);
                return ("PostgreSQL stopped (fast: connections dropped) and started", Later(TimeSpan.FromSeconds(2), postgres.Restart, cancellationToken));
            case DbCrash:
                await postgres.Crash(cancellationToken);
                return ("PostgreSQL primary crashed (kill -9 of the postmaster and every backend) and recovered from its WAL", postgres.Recover(cancellationToken));
            case DbFailover:
                await postgres.Crash(cancellationToken);
                return ("PostgreSQL primary killed (kill -9), standby promoted, old primary rebuilt as the new synchronous standby", postgres.FailOver(cancellationToken));
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault.");
        }
    }

    private async Task Restart(ServiceProcess process, string baseUrl, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(200, 2000)), cancellationToken);
        process.Start();
        await cluster.WaitHealthy(process, baseUrl, cancellationToken);
    }

    private static async Task Later(TimeSpan pause, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        await Task.Delay(pause, cancellationToken);
        await action(cancellationToken);
    }

    private async Task WaitTerminal(Guid orderId, CancellationToken cancellationToken)
    {
        var waited = Clock.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (Clock.GetElapsedTime(waited) < ProbeTimeout)
        {
            try
            {
                if (await databases.Status(orderId, cancellationToken) is { } status && InvariantCheck.IsTerminal(status))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // The database is still coming back.
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }

        Program.Progress($"probe order {orderId} was not terminal within {ProbeTimeout}");
    }
}
