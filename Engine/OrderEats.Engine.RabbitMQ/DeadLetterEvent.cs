namespace OrderEats.Engine.RabbitMQ;

/// <summary>One entry of a message's <c>x-death</c> header: which queue dead-lettered it, why, how often, and when it last did.</summary>
/// <param name="Queue">The queue the message left.</param>
/// <param name="Reason">RabbitMQ's reason: <c>delivery_limit</c>, <c>rejected</c>, <c>expired</c> or <c>maxlen</c>.</param>
/// <param name="Count">How many times the message was dead-lettered from that queue for that reason.</param>
/// <param name="Time">When it last happened (whole seconds), if the broker said.</param>
internal sealed record DeadLetterEvent(string Queue, string Reason, long Count, DateTimeOffset? Time);
