using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;

namespace OrderEats.Payments.Handlers;

// Charges an order once, and only a positive amount in a known currency (anything else is refused before the ledger or the gateway is touched). The outcome (charge or decline) is recorded in the ledger in the message's transaction; a repeated command, even
// with a new message id, finds it and repeats the stored answer without calling the gateway. A gateway failure rolls the reservation back.
internal sealed class ChargePaymentHandler(PaymentGateway gateway, ILogger<ChargePaymentHandler> logger, TimeProvider time) : IHandleMessages<ChargePayment>
{
    public async Task Handle(ChargePayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        ChargeRules.ThrowIfImpossible(message, context.MessageId);
        var cancellationToken = context.CancellationToken;
        var writer = new LedgerWriter(context.Storage);
        var outcome = await writer.Find(message.OrderId, LedgerKind.Stage(LedgerKind.Charge), cancellationToken);
        if (outcome is not null)
        {
            logger.LogInformation("Order {OrderId} was already {Kind} ({EntryId}); repeating that answer to message {MessageId}", message.OrderId, outcome.Kind, outcome.Id, context.MessageId);
            await Answer(message.OrderId, outcome, context);
            return;
        }

        // Reserve the order's payment slot before calling the gateway: a concurrent ChargePayment for the same order waits on this row's key and,
        // once this transaction commits, fails and is retried into the stored answer. So the gateway is called once per order, not once per message.
        outcome = new LedgerRow(LedgerKind.Charge, Guid.CreateVersion7(), message.Amount.Amount, message.Amount.Currency, null);
        await writer.Insert(message.OrderId, outcome, time.GetUtcNow(), cancellationToken);
        var decision = await gateway.Charge(message.OrderId, message.CustomerId, message.Amount, cancellationToken);
        if (!decision.Approved)
        {
            outcome = outcome with { Kind = LedgerKind.Decline, Reason = decision.DeclineReason };
            await writer.Decline(message.OrderId, outcome.Reason, cancellationToken);
        }

        await Answer(message.OrderId, outcome, context);
    }

    private static Task Answer(Guid orderId, LedgerRow outcome, IMessageHandlerContext context) => outcome.Kind == LedgerKind.Charge
        ? context.Reply(new PaymentCharged(orderId, outcome.Id, new Money(outcome.Amount, outcome.Currency)))
        : context.Reply(new PaymentDeclined(orderId, outcome.Reason ?? "Declined"));
}
