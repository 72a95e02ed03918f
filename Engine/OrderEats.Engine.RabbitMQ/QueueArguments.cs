namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// The arguments a queue is declared with. Quorum queues get an explicit delivery limit (RabbitMQ 4.x would otherwise apply its default of 20
/// and drop the message) and at-least-once dead-lettering: an endpoint queue's to the error queue, the error queue's to its parking queue
/// (<c>&lt;error&gt;.parked</c>; dead-lettering a queue into itself is a cycle, which RabbitMQ drops). Classic queues have no delivery limit.
/// </summary>
internal static class QueueArguments
{
    public const string ParkedSuffix = ".parked";

    /// <summary>The queue where the error queue's messages go when even its own consumer could not take them within the delivery limit.</summary>
    public static string ParkedQueue(string errorQueue) => errorQueue + ParkedSuffix;

    /// <summary>True when queues dead-letter (quorum queues with a delivery limit), so the error queue needs its parking queue.</summary>
    public static bool DeadLetters(RabbitMqOptions options) => options.QueueType == RabbitMqQueueType.Quorum && options.DeliveryLimit is not null;

    /// <summary>An endpoint or additional queue: dead-letters to <paramref name="errorQueue"/>.</summary>
    public static Dictionary<string, object?>? ForQueue(RabbitMqOptions options, string errorQueue) => DeadLetteringTo(options, errorQueue);

    /// <summary>The error queue: dead-letters to its parking queue.</summary>
    public static Dictionary<string, object?>? ForErrorQueue(RabbitMqOptions options, string errorQueue) => DeadLetteringTo(options, ParkedQueue(errorQueue));

    /// <summary>The parking queue: no consumer of its own; the same delivery limit, and nowhere further to go.</summary>
    public static Dictionary<string, object?> ForParkedQueue(RabbitMqOptions options) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-delivery-limit"] = options.DeliveryLimit,
    };

    private static Dictionary<string, object?>? DeadLetteringTo(RabbitMqOptions options, string target)
    {
        if (options.QueueType == RabbitMqQueueType.Classic)
        {
            return null;
        }

        var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
        if (options.DeliveryLimit is { } limit)
        {
            arguments["x-delivery-limit"] = limit;

            // Every queue has a fanout exchange of its own name bound to it (Topology), so the target queue's name is also its exchange.
            arguments["x-dead-letter-exchange"] = target;
            arguments["x-dead-letter-strategy"] = "at-least-once";
            arguments["x-overflow"] = "reject-publish";
        }

        return arguments;
    }
}
