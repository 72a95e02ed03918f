using System.Text.Json;
using OrderEats.Benchmarks.EngineRuns;
using OrderEats.Benchmarks.Messages;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderEats.Benchmarks.Raw;

/// <summary>
/// The baseline chain with RabbitMQ.Client alone: consume, publish the next hop (persistent, confirmed), ack after the confirm. With
/// <see cref="DurableStep"/> set, each hop also runs one PostgreSQL transaction (row lock, JSON update, outbox insert) before the publish.
/// </summary>
internal sealed class RawChain(string amqpUri, int concurrency, int hops, DurableStep? durableStep)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const string TypeName = "OrderEats.Benchmarks.Messages.ChainHop";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Progress Progress { get; } = new();

    /// <summary>Starts consuming and returns a function that starts one chain, and a disposer.</summary>
    public async Task<(Func<int, CancellationToken, Task> StartChain, Func<Task> Stop)> Start(string queue, bool restartChains, CancellationToken cancellationToken = default)
    {
        var rabbit = await RawRabbit.Connect(amqpUri, concurrency, cancellationToken);
        var consumerChannel = await rabbit.Connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await RawRabbit.DeclareQuorumQueue(consumerChannel, queue, cancellationToken: cancellationToken);
        await consumerChannel.BasicQosAsync(0, (ushort)(concurrency * 3), false, cancellationToken);
        if (durableStep is not null)
        {
            await durableStep.Setup(cancellationToken);
        }

        async Task Send(ChainHop hop, CancellationToken token) =>
            await rabbit.Publish(queue, RawRabbit.Properties(TypeName), JsonSerializer.SerializeToUtf8Bytes(hop, Json), token);

        var inFlight = 0;
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            Interlocked.Increment(ref inFlight);
            try
            {
                var hop = JsonSerializer.Deserialize<ChainHop>(delivery.Body.Span, Json)!;
                if (durableStep is not null)
                {
                    await durableStep.Run(hop.Chain, delivery.BasicProperties.MessageId!, hop, CancellationToken.None);
                }

                Progress.Increment();
                if (hop.Hop < hops)
                {
                    await Send(hop with { Hop = hop.Hop + 1 }, CancellationToken.None);
                }
                else
                {
                    Progress.Latencies.Add(Clock.GetElapsedTime(hop.StartedTicks).TotalMilliseconds);
                    if (restartChains)
                    {
                        await Send(new ChainHop(hop.Chain, 1, Clock.GetTimestamp()), CancellationToken.None);
                    }
                }

                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        };
        var tag = await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return (
            (chain, token) => Send(new ChainHop(chain, 1, Clock.GetTimestamp()), token),
            async () =>
            {
                // Stop deliveries, let the handlers in flight finish (bounded), then delete the queue and close; a benchmark must not hang on cleanup.
                await Bounded(consumerChannel.BasicCancelAsync(tag));
                var drained = Clock.GetTimestamp();
                using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
                {
                    while (Volatile.Read(ref inFlight) > 0 && Clock.GetElapsedTime(drained) < TimeSpan.FromSeconds(10))
                    {
                        await timer.WaitForNextTickAsync();
                    }
                }

                await Bounded(rabbit.DeleteQueues(queue));
                await Bounded(consumerChannel.DisposeAsync().AsTask());
                await Bounded(rabbit.DisposeAsync().AsTask());
            });
    }

    private static async Task Bounded(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException or RabbitMQ.Client.Exceptions.RabbitMQClientException or OperationCanceledException)
        {
            // Cleanup of a benchmark queue; the broker is disposed with the run anyway.
        }
    }
}
