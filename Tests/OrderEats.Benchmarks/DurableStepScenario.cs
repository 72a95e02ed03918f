using Npgsql;
using OrderEats.Benchmarks.Raw;

namespace OrderEats.Benchmarks;

/// <summary>durable-step: the hand-written baseline for a durable saga step (raw consume + one PostgreSQL transaction + confirmed publish).</summary>
internal static class DurableStepScenario
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static async Task Run(BenchContext context)
    {
        var rate = await ClosedLoop(context, context.Options.Hops);
        context.Emit(new()
        {
            ["scenario"] = "durable-step",
            ["msgs_per_s"] = rate.MessagesPerSecond,
            ["cpu_us_per_msg"] = rate.CpuMicrosecondsPerMessage,
            ["hops"] = context.Options.Hops,
            ["chains_in_flight"] = context.Options.Chains,
            ["concurrency"] = context.Options.Concurrency,
            ["chain_p50_ms"] = rate.ChainP50,
        });
    }

    /// <summary>Closed loop: the messages per second and the chain p50 with <paramref name="hops"/> hops per chain.</summary>
    public static async Task<(double MessagesPerSecond, double ChainP50, double CpuMicrosecondsPerMessage)> ClosedLoop(BenchContext context, int hops, int? chains = null)
    {
        var options = context.Options;
        await using var dataSource = NpgsqlDataSource.Create(await context.Postgres.CreateDatabase("bench_durable"));
        var chain = new RawChain(context.AmqpUri, options.Concurrency, hops, new DurableStep(dataSource));
        var (startChain, stop) = await chain.Start(BenchContext.Unique("bench-durable"), restartChains: true);
        for (var i = 0; i < (chains ?? options.Chains); i++)
        {
            await startChain(i, CancellationToken.None);
        }

        var window = await Measure.Rate(chain.Progress, options.Warmup, options.Duration);
        var p50 = chain.Progress.Latencies.Percentile(50);
        await stop();
        return (window.PerSecond, p50, window.CpuMicrosecondsPerUnit);
    }

    /// <summary>Open loop: chains started at <paramref name="perSecond"/> for the run's duration; latency from start to the last hop.</summary>
    public static async Task<Latencies> OpenLoop(BenchContext context, int hops, double perSecond)
    {
        var options = context.Options;
        await using var dataSource = NpgsqlDataSource.Create(await context.Postgres.CreateDatabase("bench_durable"));
        var chain = new RawChain(context.AmqpUri, options.Concurrency, hops, new DurableStep(dataSource));
        var (startChain, stop) = await chain.Start(BenchContext.Unique("bench-durable-open"), restartChains: false);
        var total = (int)(perSecond * options.Duration.TotalSeconds);
        chain.Progress.Reset(total * (long)hops);
        await OpenLoopSchedule(total, perSecond, i => startChain(i, CancellationToken.None));
        await chain.Progress.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        await stop();
        return chain.Progress.Latencies;
    }

    /// <summary>Starts <paramref name="total"/> operations at a steady rate (not waiting for each to finish).</summary>
    public static async Task OpenLoopSchedule(int total, double perSecond, Func<int, Task> start)
    {
        var begun = Clock.GetTimestamp();
        var started = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - Clock.GetElapsedTime(begun);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                // Pacing an open-loop load generator: the delay is the schedule, not a wait for work.
                await Task.Delay(wait);
            }

            started.Add(start(i));
        }

        await Task.WhenAll(started);
    }
}
