using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;

namespace OrderEats.Engine.Sagas;

/// <summary>
/// What differs between an endpoint and the testing library when a saga runs: how the saga object is created and which context its handlers
/// get. Everything else (finding, starting, timeouts, completion, saving) is the <see cref="SagaInvoker"/>'s, for both.
/// </summary>
internal interface ISagaRuntime
{
    Saga CreateSaga(SagaMetadata saga, IncomingContext context);

    /// <summary>The handler context; a timeout the handler requests is added to <paramref name="pendingTimeouts"/> (the instance's pending list).</summary>
    IMessageHandlerContext CreateContext(IncomingContext context, SagaMetadata saga, Guid sagaId, List<PendingTimeout> pendingTimeouts);
}
