using System.Diagnostics;
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
    private const string TypeName = "OrderEats.Benchmarks.Messages.ChainHop";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Progress Progress { get; } = new();

    /// <summary>Starts consuming and returns a function that starts one chain, and a disposer.</summary>
    public async Task<(Func<int, CancellationToken, Task> StartChain, Func<Task> Stop)> Start(string queue, bool restartChains, CancellationToken cancellationToken = default)
    {
        var rabbit = await RawRabbit.Connect(amqpUri, concurrency, cancellationToken);
        var consumerChannel = await rabbit.Connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await RawRabbit.DeclareQuorumQueue(consumerChannel, queue, cancellationToken);
        await consumerChannel.BasicQosAsync(0, (ushort)(concurrency * 3), false, cancellationToken);
        if (durableStep is not null)
        {
            await durableStep.Setup(cancellationToken);
        }

        async Task Send(ChainHop hop, CancellationToken token) =>
            await rabbit.Publish(queue, RawRabbit.Properties(TypeName), JsonSerializer.SerializeToUtf8Bytes(hop, Json), token);

        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
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
                Progress.Latencies.Add(Stopwatch.GetElapsedTime(hop.StartedTicks).TotalMilliseconds);
                if (restartChains)
                {
                    await Send(new ChainHop(hop.Chain, 1, Stopwatch.GetTimestamp()), CancellationToken.None);
                }
            }

            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return (
            (chain, token) => Send(new ChainHop(chain, 1, Stopwatch.GetTimestamp()), token),
            async () =>
            {
                // Deleting the queue cancels the consumer; handlers still running may then fail to ack on the closing channel, which is fine here.
                await rabbit.DeleteQueues(queue);
                try
                {
                    await consumerChannel.DisposeAsync();
                }
                catch (RabbitMQ.Client.Exceptions.RabbitMQClientException)
                {
                    // Closed by the broker together with the deleted queue.
                }

                await rabbit.DisposeAsync();
            });
    }
}
