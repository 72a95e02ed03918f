using OrderEats.Engine.Routing;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Pipeline;

/// <summary>The handler context: outgoing messages are collected and dispatched after the unit of work commits.</summary>
internal class MessageHandlerContext(IncomingContext incoming, OutgoingMessageFactory factory, string endpointQueue, TimeProvider time, IStorageSession storage)
    : IMessageHandlerContext
{
    public string MessageId => incoming.MessageId;

    public IReadOnlyDictionary<string, string> MessageHeaders => incoming.Headers;

    public string? ReplyToAddress => incoming.Headers.GetValueOrDefault(Headers.ReplyToAddress);

    public CancellationToken CancellationToken => incoming.CancellationToken;

    public IStorageSession Storage => storage;

    public Task Send(object message, SendOptions? options = null) => Enqueue(message, MessageIntent.Send, Decorate(options));

    public Task SendLocal(object message, SendOptions? options = null) =>
        Enqueue(message, MessageIntent.Send, Decorate(OptionsCopy.With(options, [], endpointQueue)));

    public Task Publish(object message, PublishOptions? options = null) => Enqueue(message, MessageIntent.Publish, Decorate(options));

    public Task Reply(object message, ReplyOptions? options = null) => Enqueue(message, MessageIntent.Reply, Decorate(options));

    public Task ForwardCurrentMessageTo(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var current = incoming.Message;
        incoming.Outgoing.Add(TransportOperation.Send(new OutgoingMessage(current.MessageId, current.Headers, current.Body), destination));
        return Task.CompletedTask;
    }

    public void DoNotContinueDispatchingCurrentMessageToHandlers() => incoming.HandlerInvocationAborted = true;

    /// <summary>Lets a derived context add headers (a saga adds its id) before the message is built.</summary>
    protected virtual T? Decorate<T>(T? options)
        where T : ExtendableOptions, new() => options;

    /// <summary>The endpoint's clock.</summary>
    protected TimeProvider Time => time;

    /// <summary>Lets a derived context see each operation it produced (a saga records its timeouts).</summary>
    protected virtual void OnEnqueued(TransportOperation operation)
    {
    }

    private Task Enqueue(object message, MessageIntent intent, ExtendableOptions? options)
    {
        var operation = factory.Create(message, intent, options, incoming.Message, time);
        incoming.Outgoing.Add(operation);
        if (intent == MessageIntent.Publish && factory.IsHandledInline(message.GetType()))
        {
            incoming.InlineEvents.Add(message);
        }

        OnEnqueued(operation);
        return Task.CompletedTask;
    }
}
