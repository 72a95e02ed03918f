using System.Globalization;
using OrderEats.TestInfrastructure;

namespace OrderEats.Benchmarks;

/// <summary>The four services as processes (N instances each) with a seeded catalog and a listener for terminal events: closed and open loops.</summary>
internal sealed class OrderCluster : IAsyncDisposable
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly ServiceCluster cluster;
    private readonly SeededCatalog catalog;
    private readonly TerminalListener listener;
    private int placed;
    private int refused;

    private OrderCluster(ServiceCluster cluster, SeededCatalog catalog, TerminalListener listener)
    {
        this.cluster = cluster;
        this.catalog = catalog;
        this.listener = listener;
    }

    /// <summary>
    /// Starts <paramref name="instances"/> processes of every service. The run's concurrency is shared among the instances (at least 2 each), so that
    /// every instance count offers the database and the broker the same total concurrency and stays within the server's connection limit.
    /// </summary>
    public static async Task<OrderCluster> Start(BenchContext context, int instances, string? postgresConnectionString = null)
    {
        var options = context.Options;
        var concurrency = Math.Max(2, options.Concurrency / instances);
        var logs = Path.Combine(Path.GetTempPath(), BenchContext.Unique("ordereats-bench"));
        BenchContext.Progress($"starting {instances} instance(s) of each service, concurrency {concurrency} each (logs in {logs})");
        var settings = new Dictionary<string, string>(OrderSagaScenario.ServiceSettings) { ["ORDEREATS_CONCURRENCY"] = concurrency.ToString(CultureInfo.InvariantCulture) };
        var cluster = await ServiceCluster.Start(context.AmqpUri, postgresConnectionString ?? context.Postgres.ServerConnectionString, instances, logs, settings);
        try
        {
            var catalog = await cluster.SeedCatalog(restaurants: 5, customers: 50);
            var listener = await TerminalListener.Start(context.AmqpUri);
            return new OrderCluster(cluster, catalog, listener);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Keeps <paramref name="inFlight"/> orders open (each terminal event places the next) and counts terminal orders over <paramref name="duration"/>
    /// after <paramref name="warmup"/>: freshly started service processes spend their first tens of seconds in the JIT (tier-0 code, then re-JIT).
    /// </summary>
    public async Task<(double OrdersPerSecond, double P50)> ClosedLoop(int inFlight, TimeSpan warmup, TimeSpan duration)
    {
        var closing = 0;
        void PlaceNext(Guid orderId)
        {
            if (Volatile.Read(ref closing) == 0)
            {
                _ = Place();
            }
        }

        listener.Latencies.Clear();
        listener.Terminal += PlaceNext;
        try
        {
            for (var i = 0; i < inFlight; i++)
            {
                _ = Place();
            }

            // A closed loop is measured over a fixed window of wall-clock time: the delays are the warm-up and the window, not waits for work.
            await Task.Delay(warmup);
            var before = listener.TerminalCount;
            var started = Clock.GetTimestamp();
            await Task.Delay(duration);
            var ordersPerSecond = Math.Round((listener.TerminalCount - before) / Clock.GetElapsedTime(started).TotalSeconds, 1);
            Volatile.Write(ref closing, 1);
            var p50 = listener.Latencies.Percentile(50);
            await listener.WhenNonePending(TimeSpan.FromMinutes(2));
            return (ordersPerSecond, p50);
        }
        finally
        {
            listener.Terminal -= PlaceNext;
        }
    }

    /// <summary>Places orders at <paramref name="perSecond"/> for <paramref name="duration"/>; the latencies from placing to the terminal event.</summary>
    public async Task<Latencies> OpenLoop(double perSecond, TimeSpan duration)
    {
        listener.Latencies.Clear();
        var total = (int)(perSecond * duration.TotalSeconds);
        await DurableStepScenario.OpenLoopSchedule(total, perSecond, _ => Place());
        await listener.WhenNonePending(TimeSpan.FromMinutes(2));
        return listener.Latencies;
    }

    /// <summary>The resident memory of every service process, in MB.</summary>
    public Dictionary<string, double> ResidentMegabytes() =>
        cluster.Processes.ToDictionary(p => p.Process.Name, p => Math.Round(p.Process.ResidentBytes() / 1048576.0, 1));

    public async ValueTask DisposeAsync()
    {
        await listener.DisposeAsync();
        await cluster.DisposeAsync();
    }

    /// <summary>Orders the edge refused with 503 (admission) and that were placed again after Retry-After.</summary>
    public int Refused => Volatile.Read(ref refused);

    private async Task Place()
    {
        var orderId = Guid.CreateVersion7();
        listener.Placing(orderId);
        var number = Interlocked.Increment(ref placed);
        while (true)
        {
            var status = await cluster.PlaceOrder(orderId, catalog, number);
            if (status == 202)
            {
                return;
            }

            if (status != 503)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Placing order {orderId} returned HTTP {status}; expected 202."));
            }

            // The edge's admission gate: a client waits for Retry-After (at least a second) and places the same order again.
            Interlocked.Increment(ref refused);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
