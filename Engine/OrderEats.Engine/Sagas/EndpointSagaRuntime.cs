using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;

namespace OrderEats.Engine.Sagas;

/// <summary>Sagas on an endpoint: created through the message's DI scope, their outgoing messages collected for dispatch after commit.</summary>
internal sealed class EndpointSagaRuntime(OutgoingMessageFactory factory, string endpointQueue, TimeProvider time) : ISagaRuntime
{
    public Saga CreateSaga(SagaMetadata saga, IncomingContext context) =>
        (Saga)ActivatorUtilities.CreateInstance(context.Services, saga.SagaType);

    public IMessageHandlerContext CreateContext(IncomingContext context, SagaMetadata saga, Guid sagaId, List<PendingTimeout> pendingTimeouts) =>
        new SagaHandlerContext(context, factory, endpointQueue, time, context.Session!, saga, sagaId, pendingTimeouts);
}
