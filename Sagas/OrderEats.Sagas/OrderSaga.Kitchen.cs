using System.Globalization;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Sagas;

// The kitchen replies and the kitchen timer.
public sealed partial class OrderSaga
{
    /// <summary>Paid and not being refunded: confirms the order. A duplicate, or a late acceptance of an order being refunded: nothing.</summary>
    public Task Handle(OrderAccepted message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IsWaitingForKitchen ? Confirm(context) : Task.CompletedTask;
    }

    /// <summary>
    /// Accepted: publishes <see cref="OrderReady"/> and completes. Paid (the acceptance is still on its way, e.g. in a retry): confirms first.
    /// Otherwise nothing.
    /// </summary>
    public async Task Handle(OrderPrepared message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsWaitingForKitchen)
        {
            await Confirm(context);
        }

        if (Data.Status != OrderStatus.Accepted)
        {
            return;
        }

        await ChangeStatus(context, OrderStatus.Ready);
        await context.Publish(new OrderReady(Data.OrderId, Data.CustomerId));
        await ChangeStatus(context, OrderStatus.Completed);
        MarkAsComplete();
    }

    /// <summary>Paid and not being refunded: refunds the charge (cancelled when the refund is confirmed). Otherwise nothing.</summary>
    public Task Handle(OrderRejected message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IsWaitingForKitchen ? RequestRefund(context, "Kitchen rejected the order: " + message.Reason) : Task.CompletedTask;
    }

    /// <summary>The kitchen did not accept in time: refunds the charge, as a rejection does.</summary>
    public Task Timeout(KitchenTimeout state, IMessageHandlerContext context)
    {
        var reason = string.Format(CultureInfo.InvariantCulture, "Kitchen did not accept the order within {0}", options.KitchenTimeout);
        return IsWaitingForKitchen ? RequestRefund(context, reason) : Task.CompletedTask;
    }

    private bool IsWaitingForKitchen => Data.Status == OrderStatus.Paid && !Data.RefundRequested;

    private async Task Confirm(IMessageHandlerContext context)
    {
        CancelTimeouts<KitchenTimeout>();
        await ChangeStatus(context, OrderStatus.Accepted);
        await context.Publish(new OrderConfirmed(Data.OrderId, Data.CustomerId, Data.RestaurantId, Data.ChargedAmount ?? Data.Total));
    }
}
