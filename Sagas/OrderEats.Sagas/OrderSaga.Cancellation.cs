using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;

namespace OrderEats.Sagas;

// The customer's cancel.
public sealed partial class OrderSaga
{
    /// <summary>
    /// Submitted: remembered, and settled by the payment outcome (declined or timed out: cancelled; charged: refunded, then cancelled).
    /// Paid: refunds the charge, then cancels. From Accepted on the kitchen is cooking and the order is no longer cancellable, so the request
    /// is ignored, as are repeats while a cancel is already under way.
    /// </summary>
    public Task Handle(CancelOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Data.CancelRequested || Data.RefundRequested)
        {
            return Task.CompletedTask;
        }

        var reason = "Cancelled by the customer: " + (string.IsNullOrWhiteSpace(message.Reason) ? "no reason given" : message.Reason.Trim());
        switch (Data.Status)
        {
            case OrderStatus.Submitted:
                Data.CancelRequested = true;
                Data.CancellationReason ??= reason;
                return Task.CompletedTask;
            case OrderStatus.Paid:
                Data.CancelRequested = true;
                return RequestRefund(context, reason);
            default:
                return Task.CompletedTask;
        }
    }
}
