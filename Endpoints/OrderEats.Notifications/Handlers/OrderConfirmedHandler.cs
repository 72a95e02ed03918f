using System.Globalization;
using OrderEats.Engine;
using OrderEats.Messages.Events;
using OrderEats.Notifications.Channel;

namespace OrderEats.Notifications.Handlers;

internal sealed class OrderConfirmedHandler(NotificationSender sender) : IHandleMessages<OrderConfirmed>
{
    public Task Handle(OrderConfirmed message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = string.Format(CultureInfo.InvariantCulture, "Your order is confirmed: {0:0.00} {1} charged, the kitchen is on it.", message.Total.Amount, message.Total.Currency);
        return sender.Send(new Notification(message.OrderId, NotificationKind.OrderConfirmed, message.CustomerId, text), context);
    }
}
