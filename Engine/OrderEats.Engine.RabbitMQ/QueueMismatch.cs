namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// Explains a queue declaration the broker refused because the queue already exists with other arguments (reply 406). A passive declare does not
/// show a queue's arguments, so the broker's reply text (e.g. "inequivalent arg 'x-dead-letter-exchange' ... current is none") says which differ.
/// </summary>
internal static class QueueMismatch
{
    private static readonly string[] DeadLetteringArguments = ["x-dead-letter-exchange", "x-dead-letter-strategy", "x-overflow"];

    public static string Explain(string queue, IDictionary<string, object?>? arguments, string replyText)
    {
        var declared = arguments is null ? "a classic queue" : $"a {Argument(arguments, "x-queue-type")} queue";
        if (replyText.Contains("'x-queue-type'", StringComparison.Ordinal))
        {
            return $"Queue '{queue}' already exists with another queue type than this endpoint declares ({declared}). The broker said: {replyText}. " +
                "Set RabbitMqOptions.QueueType to the existing queue's type, or delete the queue (after draining it) so it can be recreated.";
        }

        var deadLettering = DeadLetteringArguments.FirstOrDefault(a => replyText.Contains($"'{a}'", StringComparison.Ordinal));
        if (deadLettering is not null && arguments?.ContainsKey("x-dead-letter-exchange") == true)
        {
            return $"Queue '{queue}' was declared without the delivery limit and dead-lettering this endpoint declares (x-delivery-limit " +
                $"{Argument(arguments, "x-delivery-limit")}, x-dead-letter-exchange '{Argument(arguments, "x-dead-letter-exchange")}', " +
                $"x-dead-letter-strategy at-least-once, x-overflow reject-publish), e.g. by an earlier OrderEats version. The broker said: {replyText}. " +
                "RabbitMQ cannot change a queue's arguments in place: on RabbitMQ 4.x such a queue drops a message after 20 deliveries. Migrate it as " +
                "docs/production.md (section \"Migrating queues to the delivery limit\") describes: stop the queue's consumers, move its messages to a temporary " +
                $"queue, delete '{queue}', start the endpoint once (it declares the queue anew) and move the messages back. To keep running until then, " +
                "set RabbitMqOptions.DeliveryLimit to null (on RabbitMQ 4.x together with a policy that sets delivery-limit and dead-letter-exchange).";
        }

        if (deadLettering is not null)
        {
            return $"Queue '{queue}' was declared with a delivery limit and dead-lettering, but this endpoint declares it without (RabbitMqOptions.DeliveryLimit " +
                $"is null). The broker said: {replyText}. Set DeliveryLimit (default 50) so the declarations match; a queue's arguments cannot be removed in place.";
        }

        return $"Queue '{queue}' already exists with other settings than this endpoint declares ({declared}, durable). The broker said: {replyText}. " +
            "Align RabbitMqOptions (QueueType, DeliveryLimit) with the existing queue, or delete the queue (after draining it) so it can be recreated.";
    }

    private static object? Argument(IDictionary<string, object?> arguments, string key) => arguments.TryGetValue(key, out var value) ? value : null;
}
