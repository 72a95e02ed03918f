using OrderEats.Engine;
using OrderEats.Messages.Events;

namespace OrderEats.Services.Tests.Harness;

/// <summary>Added to notifications: signals (after commit) that an order event was handled, including duplicates that deliver nothing.</summary>
public sealed class OrderEventProbe : IHandleMessages<OrderConfirmed>, IHandleMessages<OrderReady>, IHandleMessages<OrderCancelled>
{
    public Task Handle(OrderConfirmed message, IMessageHandlerContext context) => Probe(nameof(OrderConfirmed), message.OrderId, context);

    public Task Handle(OrderReady message, IMessageHandlerContext context) => Probe(nameof(OrderReady), message.OrderId, context);

    public Task Handle(OrderCancelled message, IMessageHandlerContext context) => Probe(nameof(OrderCancelled), message.OrderId, context);

    private static Task Probe(string type, Guid orderId, IMessageHandlerContext context) =>
        context.Send(new Probed(type, orderId, context.MessageId), new SendOptions { Destination = ServiceHarness.OrdersQueue });
}
