using System.Collections;
using System.Text;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// What the broker writes into a message's headers: how often a quorum queue delivered it (<c>x-delivery-count</c>) and why it was
/// dead-lettered (<c>x-death</c>, most recent event first).
/// </summary>
internal static class BrokerHeaders
{
    public const string DeliveryCountHeader = "x-delivery-count";
    public const string DeathHeader = "x-death";
    public const string DeliveryLimitReason = "delivery_limit";

    /// <summary>
    /// The deliveries the queue counted as failed before this one (0 on the first, and always 0 on classic queues). It is the number RabbitMQ
    /// compares with the delivery limit on every version: all returns on 3.x and 4.0–4.2, rejects and lost consumers from 4.3 on.
    /// </summary>
    public static long DeliveryCount(IReadOnlyBasicProperties properties) =>
        properties.Headers is { } headers && headers.TryGetValue(DeliveryCountHeader, out var value) ? Number(value) ?? 0 : 0;

    /// <summary>The most recent dead-lettering of the message, or null when it was never dead-lettered.</summary>
    public static DeadLetterEvent? LastDeath(IDictionary<string, object?>? headers)
    {
        if (headers is null || !headers.TryGetValue(DeathHeader, out var deaths) || deaths is not IList { Count: > 0 } list || list[0] is not IDictionary<string, object?> last)
        {
            return null;
        }

        var queue = Text(Get(last, "queue"));
        var reason = Text(Get(last, "reason"));
        if (queue is null || reason is null)
        {
            return null;
        }

        var count = Number(Get(last, "count")) ?? 1;
        DateTimeOffset? time = Get(last, "time") is AmqpTimestamp t ? DateTimeOffset.FromUnixTimeSeconds(t.UnixTime) : null;
        return new DeadLetterEvent(queue, reason, count, time);
    }

    private static object? Get(IDictionary<string, object?> table, string key) => table.TryGetValue(key, out var value) ? value : null;

    private static long? Number(object? value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        _ => null,
    };

    private static string? Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };
}
