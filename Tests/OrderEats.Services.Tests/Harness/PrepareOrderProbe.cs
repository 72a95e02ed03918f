using OrderEats.Engine;
using OrderEats.Messages.Commands;

namespace OrderEats.Services.Tests.Harness;

/// <summary>Added to the kitchen: signals (after commit) that a PrepareOrder was handled, since a duplicate has no other visible effect.</summary>
public sealed class PrepareOrderProbe : IHandleMessages<PrepareOrder>
{
    public Task Handle(PrepareOrder message, IMessageHandlerContext context) =>
        context.Send(new Probed(nameof(PrepareOrder), message.OrderId, context.MessageId), new SendOptions { Destination = ServiceHarness.OrdersQueue });
}
