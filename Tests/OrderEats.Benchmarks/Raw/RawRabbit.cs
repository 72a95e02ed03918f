using System.Threading.Channels;
using RabbitMQ.Client;

namespace OrderEats.Benchmarks.Raw;

/// <summary>
/// RabbitMQ.Client alone, used the way a careful hand-written service would: one connection, a consumer channel with prefetch, and a pool of
/// confirm-mode channels whose publishes complete when the broker confirms them.
/// </summary>
internal sealed class RawRabbit : IAsyncDisposable
{
    private readonly Channel<IChannel> pool = Channel.CreateUnbounded<IChannel>();
    private readonly List<IChannel> channels = [];

    private RawRabbit(IConnection connection) => Connection = connection;

    public IConnection Connection { get; }

    public static async Task<RawRabbit> Connect(string uri, int concurrency, CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), ConsumerDispatchConcurrency = (ushort)concurrency, ClientProvidedName = "bench-raw" };
        var rabbit = new RawRabbit(await factory.CreateConnectionAsync(cancellationToken));
        for (var i = 0; i < concurrency; i++)
        {
            var channel = await rabbit.Connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            rabbit.channels.Add(channel);
            rabbit.pool.Writer.TryWrite(channel);
        }

        return rabbit;
    }

    /// <summary>Declares a quorum queue; with <paramref name="deadLetterTo"/>, with the delivery limit and at-least-once dead-lettering the engine declares.</summary>
    public static async Task DeclareQuorumQueue(IChannel channel, string queue, string? deadLetterTo = null, CancellationToken cancellationToken = default)
    {
        var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
        if (deadLetterTo is not null)
        {
            arguments["x-delivery-limit"] = 50;
            arguments["x-dead-letter-exchange"] = deadLetterTo;
            arguments["x-dead-letter-strategy"] = "at-least-once";
            arguments["x-overflow"] = "reject-publish";
        }

        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken);
    }

    /// <summary>Publishes persistent to the default exchange and waits for the broker's confirm.</summary>
    public async Task Publish(string queue, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var channel = await pool.Reader.ReadAsync(cancellationToken);
        try
        {
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body, cancellationToken);
        }
        finally
        {
            pool.Writer.TryWrite(channel);
        }
    }

    public static BasicProperties Properties(string type) => new()
    {
        Persistent = true,
        MessageId = Guid.NewGuid().ToString(),
        Type = type,
        ContentType = "application/json",
    };

    public async Task DeleteQueues(params string[] queues)
    {
        await using var channel = await Connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    public async Task DeleteExchanges(params string[] exchanges)
    {
        await using var channel = await Connection.CreateChannelAsync();
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeleteAsync(exchange);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            try
            {
                await channel.DisposeAsync();
            }
            catch (RabbitMQ.Client.Exceptions.RabbitMQClientException)
            {
                // Already closed with the queue it published to; nothing to release.
            }
        }

        await Connection.DisposeAsync();
    }
}
