using OrderEats.Engine;
using OrderEats.Messages.Events;
using OrderEats.Notifications.Channel;

namespace OrderEats.Notifications.Handlers;

internal sealed class OrderReadyHandler(NotificationSender sender) : IHandleMessages<OrderReady>
{
    public Task Handle(OrderReady message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sender.Send(new Notification(message.OrderId, NotificationKind.OrderReady, message.CustomerId, "Your order is ready."), context);
    }
}
