using System.Text.Json;
using OrderEats.Benchmarks.EngineRuns;
using OrderEats.Benchmarks.Messages;
using OrderEats.Benchmarks.Raw;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderEats.Benchmarks;

/// <summary>raw-chain, masstransit-chain, engine-chain and receive: the transport path with no database.</summary>
internal static class ChainScenarios
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RawChain(BenchContext context)
    {
        var options = context.Options;
        var chain = new RawChain(context.AmqpUri, options.Concurrency, options.Hops, durableStep: null);
        var (startChain, stop) = await chain.Start(BenchContext.Unique("bench-raw-chain"), restartChains: true);
        for (var i = 0; i < options.Chains; i++)
        {
            await startChain(i, CancellationToken.None);
        }

        var window = await Measure.Rate(chain.Progress, options.Warmup, options.Duration);
        var p50 = chain.Progress.Latencies.Percentile(50);
        await stop();
        context.Emit(new()
        {
            ["scenario"] = "raw-chain",
            ["msgs_per_s"] = window.PerSecond,
            ["cpu_us_per_msg"] = window.CpuMicrosecondsPerUnit,
            ["hops"] = options.Hops,
            ["chains_in_flight"] = options.Chains,
            ["concurrency"] = options.Concurrency,
            ["chain_p50_ms"] = p50,
        });
    }

    public static async Task MassTransitChain(BenchContext context)
    {
        var options = context.Options;
        var chain = new Peer.MassTransitChain(context.AmqpUri, options.Concurrency, options.Hops);
        var queue = BenchContext.Unique("bench-masstransit-chain");
        await using var running = await chain.Start(queue);
        await running.StartChains(options.Chains);
        var window = await Measure.Rate(chain.Progress, options.Warmup, options.Duration);
        var p50 = chain.Progress.Latencies.Percentile(50);
        await running.DisposeAsync();
        var raw = context.Result("raw-chain");
        context.Emit(new()
        {
            ["scenario"] = "masstransit-chain",
            ["msgs_per_s"] = window.PerSecond,
            ["cpu_us_per_msg"] = window.CpuMicrosecondsPerUnit,
            ["ratio_to_raw"] = raw is null ? double.NaN : Measure.Ratio(window.PerSecond, (double)raw["msgs_per_s"]),
            ["hops"] = options.Hops,
            ["chains_in_flight"] = options.Chains,
            ["concurrency"] = options.Concurrency,
            ["chain_p50_ms"] = p50,
        });
    }

    /// <summary>engine-chain; with <paramref name="deliveryLimit"/> false (engine-chain-no-limit) its queues have no delivery limit or dead-lettering, to price them.</summary>
    public static async Task EngineChain(BenchContext context, bool deliveryLimit = true)
    {
        var options = context.Options;
        var progress = new Progress();
        var name = BenchContext.Unique(deliveryLimit ? "bench-engine-chain" : "bench-engine-chain-no-limit");
        var endpoint = await EngineEndpoint.Start(
            name,
            context.AmqpUri,
            options.Concurrency,
            c => c.AddHandler<ChainHopHandler>().Routing.RouteToEndpoint<ChainHop>(name),
            [progress, new ChainSettings(options.Hops)],
            rabbit => rabbit.DeliveryLimit = deliveryLimit ? rabbit.DeliveryLimit : null);
        for (var i = 0; i < options.Chains; i++)
        {
            await endpoint.Send(new ChainHop(i, 1, Clock.GetTimestamp()));
        }

        var window = await Measure.Rate(progress, options.Warmup, options.Duration);
        var p50 = progress.Latencies.Percentile(50);
        await endpoint.Stop();
        await DeleteQueues(context, name, name + "-error", name + "-error.parked");
        var raw = context.Result("raw-chain");
        var peer = context.Result("masstransit-chain");
        double RatioTo(Dictionary<string, object>? baseline, double value, string key) => baseline is null ? double.NaN : Measure.Ratio(value, (double)baseline[key]);
        var result = new Dictionary<string, object>
        {
            ["scenario"] = deliveryLimit ? "engine-chain" : "engine-chain-no-limit",
            ["msgs_per_s"] = window.PerSecond,
            ["cpu_us_per_msg"] = window.CpuMicrosecondsPerUnit,
            ["ratio_to_raw"] = RatioTo(raw, window.PerSecond, "msgs_per_s"),
            ["ratio_cpu_to_raw"] = RatioTo(raw, window.CpuMicrosecondsPerUnit, "cpu_us_per_msg"),
            ["ratio_to_masstransit"] = RatioTo(peer, window.PerSecond, "msgs_per_s"),
            ["ratio_cpu_to_masstransit"] = RatioTo(peer, window.CpuMicrosecondsPerUnit, "cpu_us_per_msg"),
            ["hops"] = options.Hops,
            ["chains_in_flight"] = options.Chains,
            ["concurrency"] = options.Concurrency,
            ["chain_p50_ms"] = p50,
        };
        if (!deliveryLimit && context.Result("engine-chain") is { } limited)
        {
            // Above 1: what the delivery limit and at-least-once dead-lettering cost engine-chain in the same run.
            result["ratio_to_engine_chain"] = Measure.Ratio(window.PerSecond, (double)limited["msgs_per_s"]);
        }

        context.Emit(result);
    }

    public static async Task Receive(BenchContext context)
    {
        var options = context.Options;
        var count = options.Messages;

        // Raw: consume and ack, nothing else. Run twice and keep the second, so JIT and connection warm-up do not count against the baseline.
        double rawRate = 0;
        for (var round = 0; round < 2; round++)
        {
            rawRate = await RawReceive(context, count);
        }

        // Engine: the full incoming pipeline with a no-op handler.
        var name = BenchContext.Unique("bench-engine-receive");
        await Preload(context, name, count, i => new Ping(i));
        var progress = new Progress();
        progress.Reset(count);
        var endpoint = await EngineEndpoint.Start(name, context.AmqpUri, options.Concurrency, c => c.AddHandler<PingHandler>(), [progress]);
        var engineRate = await Measure.Drain(progress, count, TimeSpan.FromMinutes(5));
        await endpoint.Stop();
        await DeleteQueues(context, name, name + "-error", name + "-error.parked");
        context.Emit(new()
        {
            ["scenario"] = "receive",
            ["msgs_per_s"] = engineRate,
            ["raw_msgs_per_s"] = rawRate,
            ["ratio_to_raw"] = Measure.Ratio(engineRate, rawRate),
            ["messages"] = count,
            ["concurrency"] = options.Concurrency,
        });
    }

    private static async Task<double> RawReceive(BenchContext context, int count)
    {
        var options = context.Options;
        var rawQueue = BenchContext.Unique("bench-raw-receive");
        await Preload(context, rawQueue, count, i => new Ping(i));
        var rawProgress = new Progress();
        rawProgress.Reset(count);
        await using var rabbit = await RawRabbit.Connect(context.AmqpUri, options.Concurrency);
        var channel = await rabbit.Connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, (ushort)(options.Concurrency * 3), false);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (sender, delivery) =>
        {
            _ = JsonSerializer.Deserialize<Ping>(delivery.Body.Span, Json);
            rawProgress.Increment();
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(rawQueue, autoAck: false, consumer);
        var rate = await Measure.Drain(rawProgress, count, TimeSpan.FromMinutes(5));
        await rabbit.DeleteQueues(rawQueue);
        return rate;
    }

    /// <summary>Fills <paramref name="queue"/> (declared as the engine declares it) with messages in the engine's wire format.</summary>
    public static async Task Preload<T>(BenchContext context, string queue, int count, Func<int, T> create)
    {
        BenchContext.Progress($"preloading {count} {typeof(T).Name} into {queue}");
        await using var rabbit = await RawRabbit.Connect(context.AmqpUri, 16);
        await using (var channel = await rabbit.Connection.CreateChannelAsync())
        {
            // As the engine will declare it (its error queue is <name>-error, see EngineEndpoint), so the endpoint's own declaration matches.
            await RawRabbit.DeclareQuorumQueue(channel, queue, deadLetterTo: queue + "-error");
        }

        var type = typeof(T).FullName!;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
            await rabbit.Publish(queue, RawRabbit.Properties(type), JsonSerializer.SerializeToUtf8Bytes(create(i), Json), token));
    }

    public static async Task DeleteQueues(BenchContext context, params string[] queues)
    {
        await using var rabbit = await RawRabbit.Connect(context.AmqpUri, 1);
        await rabbit.DeleteQueues(queues);
    }
}
