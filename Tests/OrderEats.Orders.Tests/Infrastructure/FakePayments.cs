using OrderEats.Engine;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>A stand-in for the Payments service: charges every order below <see cref="DeclineFrom"/>, declines the rest, refunds on request.</summary>
public sealed class FakePayments : IHandleMessages<ChargePayment>, IHandleMessages<RefundPayment>
{
    public const decimal DeclineFrom = 1000m;

    public Task Handle(ChargePayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return message.Amount.Amount >= DeclineFrom
            ? context.Reply(new PaymentDeclined(message.OrderId, "card limit exceeded"))
            : context.Reply(new PaymentCharged(message.OrderId, Guid.NewGuid(), message.Amount));
    }

    public Task Handle(RefundPayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return context.Reply(new PaymentRefunded(message.OrderId, Guid.NewGuid(), message.Amount));
    }
}
