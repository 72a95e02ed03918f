using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Extensibility;

/// <summary>What an add-on's <see cref="IIncomingMessageStep"/> sees of the message being processed.</summary>
public interface IIncomingMessageContext
{
    /// <summary>The message as received: id, headers and body.</summary>
    IncomingMessage Message { get; }

    /// <summary>The message's scoped services.</summary>
    IServiceProvider Services { get; }

    /// <summary>Cancelled when the endpoint stops before the message finished.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The message's unit of work; open in the <see cref="IncomingStage.InUnitOfWork"/> stage, null before it.</summary>
    IUnitOfWork? Session { get; }

    /// <summary>
    /// Starts recording what this message does to sagas (one <see cref="SagaChange"/> per saga invocation) and returns the recording; every
    /// caller gets the same list. Call it in the <see cref="IncomingStage.AroundMessage"/> stage and read the list after <c>next</c> returned
    /// (the unit of work then committed). Nothing is recorded unless a step asks.
    /// </summary>
    IReadOnlyList<SagaChange> RecordSagaChanges();

    /// <summary>Adds a change a step made to a saga itself (e.g. an operator's timeout cancel) to the recording; ignored when nothing records.</summary>
    void AddSagaChange(SagaChange change);
}
