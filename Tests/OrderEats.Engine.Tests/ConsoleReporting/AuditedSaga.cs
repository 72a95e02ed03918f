namespace OrderEats.Engine.Tests.ConsoleReporting;

public sealed record OpenTab(Guid TabId) : ICommand;

public sealed record AddItem(Guid TabId, int Amount) : ICommand;

public sealed record CloseTab(Guid TabId) : ICommand;

public sealed record TabExpired;

public sealed class TabData : ContainSagaData
{
    public Guid TabId { get; set; }

    public int Total { get; set; }

    public TabState State { get; set; }
}

public enum TabState
{
    Open,
    Closed,
    Expired,
}

/// <summary>A saga with a known shape: Open --AddItem--> Open, Open --CloseTab--> Closed, Open --TabExpired--> Expired.</summary>
[SagaStates(nameof(TabData.State), nameof(TabState.Closed), nameof(TabState.Expired))]
[SagaTransition(SagaTransitionAttribute.Start, typeof(OpenTab), nameof(TabState.Open))]
[SagaTransition(nameof(TabState.Open), typeof(AddItem), nameof(TabState.Open))]
[SagaTransition(nameof(TabState.Open), typeof(CloseTab), nameof(TabState.Closed))]
[SagaTransition(nameof(TabState.Open), typeof(TabExpired), nameof(TabState.Expired))]
public sealed class TabSaga : Saga<TabData>, IAmStartedByMessages<OpenTab>, IHandleMessages<AddItem>, IHandleMessages<CloseTab>, IHandleTimeouts<TabExpired>
{
    public async Task Handle(OpenTab message, IMessageHandlerContext context)
    {
        await RequestTimeout(context, TimeSpan.FromHours(1), new TabExpired());
        await context.Publish(new TabOpened(message.TabId));
    }

    public Task Handle(AddItem message, IMessageHandlerContext context)
    {
        Data.Total += message.Amount;
        return Task.CompletedTask;
    }

    public Task Handle(CloseTab message, IMessageHandlerContext context)
    {
        Data.State = TabState.Closed;
        CancelTimeouts<TabExpired>();
        MarkAsComplete();
        return Task.CompletedTask;
    }

    public Task Timeout(TabExpired state, IMessageHandlerContext context)
    {
        Data.State = TabState.Expired;
        MarkAsComplete();
        return Task.CompletedTask;
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TabData> mapper) =>
        mapper.MapSaga(d => d.TabId).ToMessage<OpenTab>(m => m.TabId).ToMessage<AddItem>(m => m.TabId).ToMessage<CloseTab>(m => m.TabId);
}

public sealed record TabOpened(Guid TabId) : IEvent;
