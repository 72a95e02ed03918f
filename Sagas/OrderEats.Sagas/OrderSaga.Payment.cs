using System.Globalization;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;

namespace OrderEats.Sagas;

// The payment replies and the payment timer.
public sealed partial class OrderSaga
{
    /// <summary>
    /// Submitted: marks the order paid and sends it to the kitchen, or refunds it if the customer cancelled meanwhile. Cancelled by the payment
    /// timeout: refunds the late charge, since money is never kept for a cancelled order. Otherwise a duplicate: nothing.
    /// </summary>
    public async Task Handle(PaymentCharged message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Data.ChargeId is not null || Data.Status is not (OrderStatus.Submitted or OrderStatus.Cancelled))
        {
            return;
        }

        Data.ChargeId = message.ChargeId;
        Data.ChargedAmount = message.Amount;
        if (Data.Status == OrderStatus.Cancelled)
        {
            await RequestRefund(context, Data.CancellationReason ?? "Payment arrived after the order was cancelled");
            return;
        }

        CancelTimeouts<PaymentTimeout>();
        await ChangeStatus(context, OrderStatus.Paid);
        if (Data.CancelRequested)
        {
            await RequestRefund(context, Data.CancellationReason!);
            return;
        }

        await context.Send(new PrepareOrder(Data.OrderId, Data.RestaurantId, Data.Lines));
        await RequestTimeout(context, options.KitchenTimeout, new KitchenTimeout());
    }

    /// <summary>Submitted: cancels the order (nothing to refund) and completes. After the payment timeout: completes, nothing can arrive any more.</summary>
    public async Task Handle(PaymentDeclined message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Data.Status == OrderStatus.Submitted)
        {
            await Cancel(context, "Payment declined: " + message.Reason, refunded: false);
            MarkAsComplete();
        }
        else if (Data.Status == OrderStatus.Cancelled && Data.ChargeId is null)
        {
            MarkAsComplete();
        }
    }

    /// <summary>Ends a refund the saga asked for: cancels the order (or, if it was cancelled already, just completes). Other refunds: nothing.</summary>
    public async Task Handle(PaymentRefunded message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Data.RefundRequested || Data.RefundId is not null)
        {
            return;
        }

        Data.RefundId = message.RefundId;
        if (Data.Status != OrderStatus.Cancelled)
        {
            await Cancel(context, "Refunded", refunded: true);
        }

        MarkAsComplete();
    }

    /// <summary>
    /// Submitted: cancels the order without a refund (nothing was charged yet) but keeps the saga for <see cref="OrderSagaOptions.CancelledRetention"/>
    /// so a charge that still arrives is refunded.
    /// </summary>
    public async Task Timeout(PaymentTimeout state, IMessageHandlerContext context)
    {
        if (Data.Status != OrderStatus.Submitted)
        {
            return;
        }

        var reason = string.Format(CultureInfo.InvariantCulture, "Payment was not confirmed within {0}", options.PaymentTimeout);
        await Cancel(context, reason, refunded: false);
        await RequestTimeout(context, options.CancelledRetention, new CancelledRetentionExpired());
    }

    /// <summary>Ends an order kept after the payment timeout.</summary>
    public Task Timeout(CancelledRetentionExpired state, IMessageHandlerContext context)
    {
        if (Data.Status == OrderStatus.Cancelled)
        {
            MarkAsComplete();
        }

        return Task.CompletedTask;
    }
}
