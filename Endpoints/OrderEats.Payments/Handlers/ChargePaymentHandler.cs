using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;

namespace OrderEats.Payments.Handlers;

// Charges an order once. The outcome (charge or decline) is recorded in the ledger in the message's transaction; a repeated command, even
// with a new message id, finds it and repeats the stored answer without calling the gateway.
internal sealed class ChargePaymentHandler(PaymentGateway gateway, PaymentsLedger ledger, ILogger<ChargePaymentHandler> logger) : IHandleMessages<ChargePayment>
{
    public async Task Handle(ChargePayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var writer = new LedgerWriter(context.Storage, ledger.Database.Kind);
        var outcome = await writer.Find(message.OrderId, LedgerKind.Stage(LedgerKind.Charge), cancellationToken);
        if (outcome is not null)
        {
            logger.LogInformation("Order {OrderId} was already {Kind} ({EntryId}); repeating that answer to message {MessageId}", message.OrderId, outcome.Kind, outcome.Id, context.MessageId);
            await Answer(message.OrderId, outcome, context);
            return;
        }

        var decision = await gateway.Charge(message.OrderId, message.CustomerId, message.Amount, cancellationToken);
        outcome = decision.Approved
            ? new LedgerRow(LedgerKind.Charge, Guid.CreateVersion7(), message.Amount.Amount, message.Amount.Currency, null)
            : new LedgerRow(LedgerKind.Decline, Guid.CreateVersion7(), message.Amount.Amount, message.Amount.Currency, decision.DeclineReason);
        await writer.Insert(message.OrderId, outcome, TimeProvider.System.GetUtcNow(), cancellationToken);
        await Answer(message.OrderId, outcome, context);
    }

    private static Task Answer(Guid orderId, LedgerRow outcome, IMessageHandlerContext context) => outcome.Kind == LedgerKind.Charge
        ? context.Reply(new PaymentCharged(orderId, outcome.Id, new Money(outcome.Amount, outcome.Currency)))
        : context.Reply(new PaymentDeclined(orderId, outcome.Reason ?? "Declined"));
}
