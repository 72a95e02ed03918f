using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;

namespace OrderEats.Payments.Handlers;

// Refunds an order's charge once, never more than was charged. A repeated command repeats the stored refund. A refund for an order with no
// charge (never charged, or declined) takes nothing and records nothing: it answers PaymentRefunded with amount 0 and RefundId Guid.Empty, so
// the sender can settle, and a real refund after a later charge is still possible.
internal sealed class RefundPaymentHandler(PaymentGateway gateway, ILogger<RefundPaymentHandler> logger, TimeProvider time) : IHandleMessages<RefundPayment>
{
    public async Task Handle(RefundPayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var writer = new LedgerWriter(context.Storage);
        var refund = await writer.Find(message.OrderId, LedgerKind.Stage(LedgerKind.Refund), cancellationToken);
        if (refund is not null)
        {
            logger.LogInformation("Order {OrderId} was already refunded ({RefundId}); repeating that answer to message {MessageId}", message.OrderId, refund.Id, context.MessageId);
            await Answer(message.OrderId, refund, context);
            return;
        }

        var charge = await writer.Find(message.OrderId, LedgerKind.Stage(LedgerKind.Charge), cancellationToken);
        if (charge is not { Kind: LedgerKind.Charge })
        {
            logger.LogWarning(
                "RefundPayment {MessageId} for order {OrderId}: the order has no charge ({Outcome}); nothing refunded, answering PaymentRefunded with amount 0",
                context.MessageId, message.OrderId, charge?.Kind ?? "never charged");
            await context.Reply(new PaymentRefunded(message.OrderId, Guid.Empty, new Money(0m, message.Amount.Currency)));
            return;
        }

        var amount = RefundAmount(message, charge);
        // Recorded before the gateway call, as a charge is: a concurrent refund of the same order waits on the row's key, so the gateway refunds once.
        refund = new LedgerRow(LedgerKind.Refund, Guid.CreateVersion7(), amount, charge.Currency, message.Reason);
        await writer.Insert(message.OrderId, refund, time.GetUtcNow(), cancellationToken);
        await gateway.Refund(message.OrderId, new Money(amount, charge.Currency), cancellationToken);
        await Answer(message.OrderId, refund, context);
    }

    // Never more than the charge, never less than nothing; a refund in another currency than the charge refunds the whole charge.
    private decimal RefundAmount(RefundPayment message, LedgerRow charge)
    {
        if (!string.Equals(message.Amount.Currency, charge.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning(
                "RefundPayment for order {OrderId} asks for {Currency}, but the charge was in {ChargeCurrency}; refunding the whole charge of {ChargeAmount}",
                message.OrderId, message.Amount.Currency, charge.Currency, charge.Amount);
            return charge.Amount;
        }

        return Math.Clamp(message.Amount.Amount, 0m, charge.Amount);
    }

    private static Task Answer(Guid orderId, LedgerRow refund, IMessageHandlerContext context) =>
        context.Reply(new PaymentRefunded(orderId, refund.Id, new Money(refund.Amount, refund.Currency)));
}
