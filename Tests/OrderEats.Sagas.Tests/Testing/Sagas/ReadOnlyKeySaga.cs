using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Correlated on a property without a public setter: the engine cannot set it when the saga starts.
public sealed class ReadOnlyKeySaga : Saga<ReadOnlyKeySaga.KeyData>, IAmStartedByMessages<StartCountdown>
{
    public Task Handle(StartCountdown message, IMessageHandlerContext context) => Task.CompletedTask;

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<KeyData> mapper) =>
        mapper.MapSaga(d => d.Key).ToMessage<StartCountdown>(m => m.CountdownId);

    public sealed class KeyData : ContainSagaData
    {
        public Guid Key { get; private set; }
    }
}
