using OrderEats.Engine;
using OrderEats.Messages.Commands;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Handles CancelOrder but forgot to map it.
public sealed class UnmappedSaga : Saga<UnmappedSagaData>, IAmStartedByMessages<PlaceOrder>, IHandleMessages<CancelOrder>
{
    public Task Handle(PlaceOrder message, IMessageHandlerContext context) => Task.CompletedTask;

    public Task Handle(CancelOrder message, IMessageHandlerContext context) => Task.CompletedTask;

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<UnmappedSagaData> mapper) =>
        mapper.MapSaga(d => d.OrderId).ToMessage<PlaceOrder>(m => m.OrderId);
}
