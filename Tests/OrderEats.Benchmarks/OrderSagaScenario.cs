using System.Globalization;
using OrderEats.TestInfrastructure;

namespace OrderEats.Benchmarks;

/// <summary>
/// order-saga: every service as its own process on RabbitMQ + PostgreSQL, orders placed over HTTP. Closed loop (max orders/s, against the
/// durable-step chain with the order's critical-path hop count), then open loop at 50% of that max (latency placed → terminal), then RSS.
/// </summary>
internal static class OrderSagaScenario
{
    // PlaceOrder, ChargePayment, PaymentCharged, PrepareOrder, ReviewTicket, OrderAccepted, MarkTicketReady, OrderPrepared.
    public const int CriticalPathHops = 8;

    public static async Task Run(BenchContext context)
    {
        var options = context.Options;
        var inFlight = options.OrdersInFlight;
        BenchContext.Progress($"durable-step chain with {CriticalPathHops} hops, {inFlight} chains in flight");
        var durable = await DurableStepScenario.ClosedLoop(context, CriticalPathHops, inFlight);
        var durableChainsPerSecond = durable.MessagesPerSecond / CriticalPathHops;

        var logs = Path.Combine(Path.GetTempPath(), BenchContext.Unique("ordereats-bench"));
        BenchContext.Progress($"starting {options.Instances} instance(s) of each service (logs in {logs})");
        var settings = new Dictionary<string, string>(ServiceSettings) { ["ORDEREATS_CONCURRENCY"] = options.Concurrency.ToString(CultureInfo.InvariantCulture) };
        await using var cluster = await ServiceCluster.Start(context.AmqpUri, context.Postgres.ServerConnectionString, options.Instances, logs, settings);
        var catalog = await cluster.SeedCatalog(restaurants: 5, customers: 50);
        await using var listener = await TerminalListener.Start(context.AmqpUri);

        // Closed loop: keep inFlight orders open; each terminal event places the next one.
        BenchContext.Progress($"order-saga closed loop, {inFlight} orders in flight");
        var placedCount = 0;
        var closing = 0;
        listener.Terminal += orderId =>
        {
            if (Volatile.Read(ref closing) == 0)
            {
                _ = Place(cluster, catalog, listener, Interlocked.Increment(ref placedCount));
            }
        };
        for (var i = 0; i < inFlight; i++)
        {
            _ = Place(cluster, catalog, listener, Interlocked.Increment(ref placedCount));
        }

        // A closed loop is measured over a fixed window of wall-clock time after a warm-up. Freshly started service processes spend their first
        // seconds in the JIT (tier-0 code, then re-JIT), so they get at least 20 s of load before the window opens.
        await Task.Delay(options.Warmup > TimeSpan.FromSeconds(20) ? options.Warmup : TimeSpan.FromSeconds(20));
        var before = listener.TerminalCount;
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        var ordersPerSecond = Math.Round((listener.TerminalCount - before) / started.Elapsed.TotalSeconds, 1);
        Volatile.Write(ref closing, 1);
        var closedP50 = listener.Latencies.Percentile(50);
        await WaitForPending(listener);

        // Open loop at 50% of the closed-loop max.
        var rate = Math.Max(1, ordersPerSecond / 2);
        var total = (int)(rate * options.Duration.TotalSeconds);
        BenchContext.Progress($"order-saga open loop, {rate} orders/s for {options.Duration.TotalSeconds} s");
        listener.Latencies.Clear();
        await DurableStepScenario.OpenLoopSchedule(total, rate, i => Place(cluster, catalog, listener, i));
        await WaitForPending(listener);
        var latencies = listener.Latencies;
        var stages = await StageTimes.Read(context.Postgres.ServerConnectionString);
        var rss = cluster.Processes.ToDictionary(p => p.Process.Name, p => Math.Round(p.Process.ResidentBytes() / 1048576.0, 1));

        BenchContext.Progress($"durable-step open loop, {rate} chains/s with {CriticalPathHops} hops");
        var durableOpen = await DurableStepScenario.OpenLoop(context, CriticalPathHops, rate);
        var durableP99 = durableOpen.Percentile(99);
        context.Emit(new()
        {
            ["scenario"] = "order-saga",
            ["instances"] = options.Instances,
            ["orders_per_s"] = ordersPerSecond,
            ["durable_step_chains_per_s"] = Math.Round(durableChainsPerSecond, 1),
            ["ratio_to_durable_step"] = Measure.Ratio(ordersPerSecond, durableChainsPerSecond),
            ["closed_loop_p50_ms"] = closedP50,
            ["open_loop_orders_per_s"] = rate,
            ["p50_ms"] = latencies.Percentile(50),
            ["p99_ms"] = latencies.Percentile(99),
            ["max_ms"] = latencies.Max(),
            ["durable_step_p50_ms"] = durableOpen.Percentile(50),
            ["durable_step_p99_ms"] = durableP99,
            ["p99_ratio_to_durable_step"] = Measure.Ratio(latencies.Percentile(99), durableP99),
            ["hops"] = CriticalPathHops,
            ["orders_in_flight"] = inFlight,
            ["stage_p50_ms"] = stages,
            ["rss_mb"] = rss,
            ["max_rss_mb"] = rss.Values.DefaultIfEmpty(0).Max(),
        });
    }

    /// <summary>Service settings for a benchmark: no simulated kitchen delays, failures or declines; logging at Warning.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Kitchen__AcceptDelay"] = "00:00:00",
        ["Kitchen__PrepareTime"] = "00:00:00",
    };

    private static async Task Place(ServiceCluster cluster, SeededCatalog catalog, TerminalListener listener, int i)
    {
        var orderId = Guid.CreateVersion7();
        listener.Placing(orderId);
        var status = await cluster.PlaceOrder(orderId, catalog, i);
        if (status != 202)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Placing order {orderId} returned HTTP {status}; expected 202."));
        }
    }

    private static async Task WaitForPending(TerminalListener listener)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (listener.Pending > 0 && DateTime.UtcNow < deadline)
        {
            await timer.WaitForNextTickAsync();
        }
    }
}
