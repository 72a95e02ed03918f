using OrderEats.Engine;
using OrderEats.Engine.Contracts;
using OrderEats.Messages.Replies;

namespace OrderEats.Messages.Commands;

/// <summary>
/// Internal: the order saga charges the customer for an order. Payments charges an order at most once, and refuses (to the error queue, without a
/// ledger row or a gateway call) an amount that is not positive or a currency that is not ISO 4217. Outside senders must not send it.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer to charge.</param>
/// <param name="Amount">The amount: positive, in a known currency.</param>
[InternalContract]
[Destination(EndpointNames.Payments)]
[AnsweredWith(typeof(PaymentCharged), typeof(PaymentDeclined))]
public sealed record ChargePayment([NotEmpty] Guid OrderId, [NotEmpty] Guid CustomerId, Money Amount) : ICommand;
