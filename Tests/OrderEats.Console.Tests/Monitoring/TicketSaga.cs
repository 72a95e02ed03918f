using OrderEats.Engine;

namespace OrderEats.Console.Tests.Monitoring;

public sealed record OpenTicket(string TicketId) : ICommand;

public sealed record ResolveTicket(string TicketId) : ICommand;

public sealed record TicketOverdue;

public sealed class TicketData : ContainSagaData
{
    public string TicketId { get; set; } = string.Empty;

    public string Phase { get; set; } = "Open";
}

[SagaStates(nameof(TicketData.Phase), "Resolved", "Overdue")]
[SagaTransition(SagaTransitionAttribute.Start, typeof(OpenTicket), "Open")]
[SagaTransition("Open", typeof(ResolveTicket), "Resolved")]
[SagaTransition("Open", typeof(TicketOverdue), "Overdue")]
public sealed class TicketSaga : Saga<TicketData>, IAmStartedByMessages<OpenTicket>, IHandleMessages<ResolveTicket>, IHandleTimeouts<TicketOverdue>
{
    public Task Handle(OpenTicket message, IMessageHandlerContext context) => RequestTimeout(context, TimeSpan.FromHours(2), new TicketOverdue());

    public Task Handle(ResolveTicket message, IMessageHandlerContext context)
    {
        Data.Phase = "Resolved";
        MarkAsComplete();
        return Task.CompletedTask;
    }

    public Task Timeout(TicketOverdue state, IMessageHandlerContext context)
    {
        Data.Phase = "Overdue";
        MarkAsComplete();
        return Task.CompletedTask;
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TicketData> mapper) =>
        mapper.MapSaga(d => d.TicketId).ToMessage<OpenTicket>(m => m.TicketId).ToMessage<ResolveTicket>(m => m.TicketId);
}
