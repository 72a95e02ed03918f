using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Pipeline;

/// <summary>The state of one message travelling through the incoming pipeline.</summary>
internal sealed class IncomingContext(IncomingMessage message, IServiceProvider services, CancellationToken cancellationToken) : Extensibility.IIncomingMessageContext
{
    public IncomingMessage Message { get; set; } = message;

    public string MessageId => Message.MessageId;

    public IReadOnlyDictionary<string, string> Headers => Message.Headers;

    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The unit of work, once the unit-of-work step opened it.</summary>
    public IUnitOfWork? Session { get; set; }

    /// <summary>Messages the handlers sent; dispatched after commit.</summary>
    public List<TransportOperation> Outgoing { get; } = [];

    /// <summary>Events the handlers published that this endpoint handles inline, in the same unit of work (in publish order).</summary>
    public List<object> InlineEvents { get; } = [];

    /// <summary>The deserialized message, once the deserialize step ran.</summary>
    public object? Body { get; set; }

    /// <summary>What the message did to sagas, once an add-on asked for it (<see cref="RecordSagaChanges"/>).</summary>
    public List<Extensibility.SagaChange>? SagaChanges { get; private set; }

    /// <summary>Set by a handler's DoNotContinueDispatchingCurrentMessageToHandlers: the handlers after it are not called.</summary>
    public bool HandlerInvocationAborted { get; set; }

    public bool IsTimeout => Headers.TryGetValue(Engine.Headers.IsSagaTimeout, out var value) && bool.TryParse(value, out var isTimeout) && isTimeout;

    public IReadOnlyList<Extensibility.SagaChange> RecordSagaChanges() => SagaChanges ??= [];

    public void AddSagaChange(Extensibility.SagaChange change) => SagaChanges?.Add(change);
}
