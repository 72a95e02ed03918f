using System.Diagnostics;
using OrderEats.TestInfrastructure;

namespace OrderEats.Chaos;

/// <summary>
/// Injects the faults spread over the placement window, one at a time: kill -9 of a random endpoint process (restarted after a moment), a broker
/// restart, a database restart. After each, it places a probe order and counts the time from the fault until that order is terminal.
/// </summary>
internal sealed class FaultInjector(ServiceCluster cluster, RabbitMqBroker broker, PostgresServer postgres, OrderPlacer placer, OrderDatabases databases)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(5);
    private readonly List<Guid> probes = [];

    public int Kills { get; private set; }

    public int BrokerRestarts { get; private set; }

    public int DbRestarts { get; private set; }

    public double MaxRecoverySeconds { get; private set; }

    public async Task Run(ChaosOptions options, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var faults = Enumerable.Repeat("kill", options.Kills)
            .Concat(Enumerable.Repeat("broker", options.BrokerRestarts))
            .Concat(Enumerable.Repeat("db", options.DbRestarts))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < faults.Count; i++)
        {
            var due = window * (0.1 + (0.8 * i / Math.Max(1, faults.Count)));
            if (due > clock.Elapsed)
            {
                // The chaos schedule: faults spread over the run.
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var started = Stopwatch.StartNew();
            var what = await Inject(faults[i], cancellationToken);
            var probe = await placer.Place(1_000_000 + i, cancellationToken);
            probes.Add(probe);
            await WaitTerminal(probe, cancellationToken);
            MaxRecoverySeconds = Math.Max(MaxRecoverySeconds, started.Elapsed.TotalSeconds);
            Program.Progress($"fault {i + 1}/{faults.Count}: {what}; a new order completed {started.Elapsed.TotalSeconds:0.0} s after the fault");
        }
    }

    private async Task<string> Inject(string fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case "kill":
                var (process, baseUrl) = cluster.Processes[Random.Shared.Next(cluster.Processes.Count)];
                await process.Kill(cancellationToken);
                Kills++;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(200, 2000)), cancellationToken);
                process.Start();
                await cluster.WaitHealthy(process, baseUrl, cancellationToken);
                return $"kill -9 {process.Name}, restarted";
            case "broker":
                await broker.Stop(cancellationToken);
                BrokerRestarts++;
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                await broker.Start(cancellationToken);
                return "RabbitMQ stopped and started";
            default:
                await postgres.Stop(cancellationToken);
                DbRestarts++;
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                await postgres.Restart(cancellationToken);
                return "PostgreSQL stopped (fast: connections dropped) and started";
        }
    }

    private async Task WaitTerminal(Guid orderId, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (waited.Elapsed < ProbeTimeout)
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
