using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Handles CountDown but nothing starts it: an endpoint refuses it at startup, so a test must refuse it too.
public sealed class NeverStartedSaga : Saga<CountdownSagaData>, IHandleMessages<CountDown>
{
    public Task Handle(CountDown message, IMessageHandlerContext context) => Task.CompletedTask;

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<CountdownSagaData> mapper) =>
        mapper.MapSaga(d => d.CountdownId).ToMessage<CountDown>(m => m.CountdownId);
}
