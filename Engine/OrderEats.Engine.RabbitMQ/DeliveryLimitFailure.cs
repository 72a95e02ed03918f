using System.Globalization;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// The failure headers of a message RabbitMQ dead-lettered because a queue's delivery limit was exceeded: nothing in the engine saw it fail (its
/// process died on every delivery, or it was returned too often), so the headers come from the broker's <c>x-death</c> record instead.
/// </summary>
internal static class DeliveryLimitFailure
{
    /// <summary>The <c>OrderEats.ExceptionInfo.ExceptionType</c> of such a message; the console groups them under it.</summary>
    public const string ExceptionType = "OrderEats.Engine.RabbitMQ.DeliveryLimitExceeded";

    public static void Add(Dictionary<string, string> headers, DeadLetterEvent death, TimeProvider clock)
    {
        var time = death.Time ?? clock.GetUtcNow();
        headers[Headers.FailedQueue] = death.Queue;
        headers[Headers.ProcessingEndpoint] = death.Queue;
        headers[Headers.TimeOfFailure] = time.ToString("O", CultureInfo.InvariantCulture);
        headers[Headers.ExceptionType] = ExceptionType;
        headers[Headers.ExceptionMessage] =
            $"RabbitMQ dead-lettered this message from queue '{death.Queue}' at {time:O}: it was delivered more often than the queue's delivery limit " +
            "(x-delivery-limit) allows without being acknowledged. The usual cause is a handler that ends its process (crash, out of memory, kill) on " +
            $"every delivery; see the logs of the endpoint consuming '{death.Queue}' around that time. Retry it once the cause is fixed.";
        headers[Headers.ExceptionStackTrace] = string.Empty;
        headers[Headers.ExceptionSource] = "RabbitMQ x-death (reason delivery_limit)";
    }
}
