using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// Conventional routing: every queue has a durable fanout exchange of the same name bound to it; every event contract name is a fanout
/// exchange; a subscription binds the event's exchange to the endpoint's exchange; a publish binds the concrete event's exchange to
/// those of its base types, so subscribers of a base type receive derived events (once: RabbitMQ delivers to each queue once per publish).
/// </summary>
internal static class Topology
{
    /// <summary>Declares a durable queue with <paramref name="arguments"/>, its fanout exchange, and its binding for delayed delivery.</summary>
    public static async Task DeclareQueue(IChannel channel, string queue, IDictionary<string, object?>? arguments, CancellationToken cancellationToken = default)
    {
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 406)
        {
            throw new InvalidOperationException(QueueMismatch.Explain(queue, arguments, ex.ShutdownReason?.ReplyText ?? ex.Message), ex);
        }

        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, queue, string.Empty, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, DelayInfrastructure.DeliveryExchange, DelayInfrastructure.DeliveryBindingKey(queue), cancellationToken: cancellationToken);
    }

    public static async Task BindUnroutableDelays(IChannel channel, string errorQueue, CancellationToken cancellationToken = default) =>
        await channel.QueueBindAsync(errorQueue, DelayInfrastructure.UnroutableExchange, string.Empty, cancellationToken: cancellationToken);

    public static async Task Subscribe(IChannel channel, string endpointQueue, string eventType, CancellationToken cancellationToken = default)
    {
        await DeclareEventExchange(channel, eventType, cancellationToken);
        await channel.ExchangeBindAsync(endpointQueue, eventType, string.Empty, cancellationToken: cancellationToken);
    }

    /// <summary>Removes the subscription of <paramref name="endpointQueue"/> to <paramref name="eventType"/>, if any (declaring the event's exchange first, so there is always something to unbind from).</summary>
    public static async Task Unsubscribe(IChannel channel, string endpointQueue, string eventType, CancellationToken cancellationToken = default)
    {
        await DeclareEventExchange(channel, eventType, cancellationToken);
        await channel.ExchangeUnbindAsync(endpointQueue, eventType, string.Empty, cancellationToken: cancellationToken);
    }

    /// <summary>Declares the exchanges of an event's type hierarchy (most derived first) and binds the concrete type's exchange to the others.</summary>
    public static async Task DeclareEventHierarchy(IChannel channel, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken = default)
    {
        foreach (var eventType in eventTypes)
        {
            await DeclareEventExchange(channel, eventType, cancellationToken);
        }

        for (var i = 1; i < eventTypes.Count; i++)
        {
            await channel.ExchangeBindAsync(eventTypes[i], eventTypes[0], string.Empty, cancellationToken: cancellationToken);
        }
    }

    private static async Task DeclareEventExchange(IChannel channel, string eventType, CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExchangeDeclareAsync(eventType, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 406)
        {
            throw new InvalidOperationException(
                $"Exchange '{eventType}' already exists and is not a durable fanout exchange: {ex.ShutdownReason?.ReplyText}. Delete it so the transport can declare it.",
                ex);
        }
    }
}
