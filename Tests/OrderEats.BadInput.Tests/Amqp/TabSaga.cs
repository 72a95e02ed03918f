using OrderEats.Engine;

namespace OrderEats.BadInput.Tests.Amqp;

public sealed class TabSaga(Signals signals) : Saga<TabSagaData>, IAmStartedByMessages<OpenTab>, IHandleMessages<TabSettled>
{
    public Task Handle(OpenTab message, IMessageHandlerContext context) => Task.CompletedTask;

    public Task Handle(TabSettled message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        signals.SettledHandled(message.TabId);
        return Task.CompletedTask;
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TabSagaData> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        mapper.MapSaga(d => d.TabId).ToMessage<OpenTab>(m => m.TabId).ToMessage<TabSettled>(m => m.TabId);
    }
}
