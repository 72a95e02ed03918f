using OrderEats.Engine;
using OrderEats.Messages.Commands;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Handles CancelOrder but forgot to map it.
public sealed class UnmappedSaga : Saga<UnmappedSagaData>, IAmStartedByMessages<StartOrder>, IHandleMessages<CancelOrder>
{
    public Task Handle(StartOrder message, IMessageHandlerContext context) => Task.CompletedTask;

    public Task Handle(CancelOrder message, IMessageHandlerContext context) => Task.CompletedTask;

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<UnmappedSagaData> mapper) =>
        mapper.MapSaga(d => d.OrderId).ToMessage<StartOrder>(m => m.OrderId);
}
