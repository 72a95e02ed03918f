using OrderEats.Engine;
using OrderEats.Messages.Events;
using OrderEats.Notifications.Channel;

namespace OrderEats.Notifications.Handlers;

internal sealed class OrderCancelledHandler(NotificationSender sender) : IHandleMessages<OrderCancelled>
{
    public Task Handle(OrderCancelled message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Refunded
            ? $"Your order was cancelled ({message.Reason}); your payment has been refunded."
            : $"Your order was cancelled ({message.Reason}); you were not charged.";
        return sender.Send(new Notification(message.OrderId, NotificationKind.OrderCancelled, message.CustomerId, text), context);
    }
}
