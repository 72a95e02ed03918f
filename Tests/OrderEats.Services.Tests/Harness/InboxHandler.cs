using OrderEats.Engine;
using OrderEats.Messages.Replies;

namespace OrderEats.Services.Tests.Harness;

/// <summary>The fake "orders" endpoint's only handler: it records what the services send to the saga.</summary>
public sealed class InboxHandler(Inbox inbox) :
    IHandleMessages<PaymentCharged>,
    IHandleMessages<PaymentDeclined>,
    IHandleMessages<PaymentRefunded>,
    IHandleMessages<OrderAccepted>,
    IHandleMessages<OrderRejected>,
    IHandleMessages<OrderPrepared>,
    IHandleMessages<Probed>
{
    public Task Handle(PaymentCharged message, IMessageHandlerContext context) => Record(message);

    public Task Handle(PaymentDeclined message, IMessageHandlerContext context) => Record(message);

    public Task Handle(PaymentRefunded message, IMessageHandlerContext context) => Record(message);

    public Task Handle(OrderAccepted message, IMessageHandlerContext context) => Record(message);

    public Task Handle(OrderRejected message, IMessageHandlerContext context) => Record(message);

    public Task Handle(OrderPrepared message, IMessageHandlerContext context) => Record(message);

    public Task Handle(Probed message, IMessageHandlerContext context) => Record(message);

    private Task Record(object message)
    {
        inbox.Add(message);
        return Task.CompletedTask;
    }
}
