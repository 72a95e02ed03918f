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
    /// Set it to a list in the <see cref="IncomingStage.AroundMessage"/> stage to have every saga invocation of this message recorded as a
    /// <see cref="SagaChange"/>; read it after <c>next</c> returned (the unit of work then committed). Null (the default) records nothing.
    /// </summary>
    IList<SagaChange>? SagaChanges { get; set; }
}
