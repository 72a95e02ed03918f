using OrderEats.Engine;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>A stand-in for the Kitchen service: accepts and prepares every order at once.</summary>
public sealed class FakeKitchen : IHandleMessages<PrepareOrder>
{
    public async Task Handle(PrepareOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        await context.Reply(new OrderAccepted(message.OrderId));
        await context.Reply(new OrderPrepared(message.OrderId));
    }
}
