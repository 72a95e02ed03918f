using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// Plugin-free delayed delivery: a cascade of <see cref="Levels"/> topic exchanges and queues. Level k's queue holds a message for
/// 2^k seconds, then dead-letters it to level k-1's exchange. The routing key spells the delay in binary, most significant bit first,
/// followed by the destination queue (<c>0.….1.0.1.orders</c>); each level's exchange sends it into its queue when its bit is 1 and
/// on to the next level when it is 0. Level 0 ends in the delivery exchange, where every queue is bound by its name after exactly
/// <see cref="Levels"/> words. All messages in one level queue share one TTL, so expiry order is queue order: nothing waits behind a
/// later message.
/// </summary>
internal static class DelayInfrastructure
{
    public const int Levels = 28;
    public const string DeliveryExchange = "ordereats.delay.delivery";
    public const string UnroutableExchange = "ordereats.delay.unroutable";
    public const long MaxDelaySeconds = (1L << Levels) - 1;

    private const int MaxRoutingKeyBytes = 255;

    public static string LevelName(int level) => string.Create(CultureInfo.InvariantCulture, $"ordereats.delay.level-{level:D2}");

    /// <summary>The binding of <paramref name="queue"/> to the delivery exchange: the 28 delay words, then the queue's name.</summary>
    public static string DeliveryBindingKey(string queue) => string.Concat(Enumerable.Repeat("*.", Levels)) + queue;

    /// <summary>Whole seconds to wait: rounded up, so a message is never early.</summary>
    public static long DelaySeconds(DateTimeOffset deliverAt, DateTimeOffset now) =>
        (long)Math.Ceiling((deliverAt - now).TotalSeconds);

    public static string RoutingKey(long delaySeconds, string queue)
    {
        if (delaySeconds is < 1 or > MaxDelaySeconds)
        {
            throw new ArgumentOutOfRangeException(
                nameof(delaySeconds), delaySeconds, $"A delay must be between 1 s and {MaxDelaySeconds} s (about 8.5 years) on RabbitMQ; use a nearer DeliverAt.");
        }

        var key = new StringBuilder((Levels * 2) + queue.Length);
        for (var level = Levels - 1; level >= 0; level--)
        {
            key.Append((delaySeconds >> level & 1) == 1 ? '1' : '0').Append('.');
        }

        key.Append(queue);
        var routingKey = key.ToString();
        if (Encoding.UTF8.GetByteCount(routingKey) > MaxRoutingKeyBytes)
        {
            throw new ArgumentException(
                $"Queue name '{queue}' is too long for a delayed send: the routing key would exceed {MaxRoutingKeyBytes} bytes. Use a queue name of at most 199 bytes.",
                nameof(queue));
        }

        return routingKey;
    }

    /// <summary>The level whose exchange a message with this delay enters: its highest set bit.</summary>
    public static int StartLevel(long delaySeconds) => 63 - (int)long.LeadingZeroCount(delaySeconds);

    public static async Task Declare(IChannel channel, CancellationToken cancellationToken = default)
    {
        // Unroutable at the end of the cascade (the destination queue was deleted meanwhile): the alternate exchange takes it to the
        // error queues, so at-least-once dead-lettering never keeps retrying it in level 0.
        await channel.ExchangeDeclareAsync(UnroutableExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(
            DeliveryExchange,
            ExchangeType.Topic,
            durable: true,
            autoDelete: false,
            arguments: new Dictionary<string, object?> { ["alternate-exchange"] = UnroutableExchange },
            cancellationToken: cancellationToken);

        // Upwards, so the exchange each level forwards to exists when it is bound.
        for (var level = 0; level < Levels; level++)
        {
            var name = LevelName(level);
            var next = level == 0 ? DeliveryExchange : LevelName(level - 1);
            await channel.ExchangeDeclareAsync(name, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(
                name,
                durable: true,
                exclusive: false,
                autoDelete: false,
                arguments: new Dictionary<string, object?>
                {
                    ["x-queue-type"] = "quorum",
                    ["x-message-ttl"] = (1L << level) * 1000,
                    ["x-dead-letter-exchange"] = next,
                    ["x-dead-letter-strategy"] = "at-least-once",
                    ["x-overflow"] = "reject-publish",
                },
                cancellationToken: cancellationToken);

            var skip = string.Concat(Enumerable.Repeat("*.", Levels - 1 - level));
            await channel.QueueBindAsync(name, name, skip + "1.#", cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(next, name, skip + "0.#", cancellationToken: cancellationToken);
        }
    }
}
