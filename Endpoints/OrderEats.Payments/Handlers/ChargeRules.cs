using System.Globalization;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;

namespace OrderEats.Payments.Handlers;

// What Payments refuses whoever sent it: a charge that cannot be right. Deterministic, so the message goes to the error queue on its first attempt
// (MessageContractException), with no ledger row and no gateway call.
internal static class ChargeRules
{
    public static void ThrowIfImpossible(ChargePayment message, string messageId)
    {
        var amount = message.Amount;
        if (amount.Amount <= 0)
        {
            throw new MessageContractException(
                string.Create(CultureInfo.InvariantCulture, $"ChargePayment {messageId} for order {message.OrderId} asks for {amount.Amount}: a charge must be positive. Nothing was charged. Orders prices every order from the menu; a charge like this comes from a sender that must not send ChargePayment."),
                ["amount.amount"]);
        }

        if (!Currencies.IsKnown(amount.Currency))
        {
            throw new MessageContractException(
                $"ChargePayment {messageId} for order {message.OrderId} is in a currency that is not an ISO 4217 code in use. Nothing was charged. Send amounts in a currency such as EUR.",
                ["amount.currency"]);
        }
    }
}
