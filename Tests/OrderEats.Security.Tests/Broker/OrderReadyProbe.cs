using OrderEats.Engine;
using OrderEats.Messages.Events;

namespace OrderEats.Security.Tests.Broker;

/// <summary>A second OrderReady handler in the Notifications endpoint: the event reached the endpoint through its own subscription.</summary>
public sealed class OrderReadyProbe(ReadySignal signal) : IHandleMessages<OrderReady>
{
    public Task Handle(OrderReady message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        signal.Received(message.OrderId);
        return Task.CompletedTask;
    }
}
