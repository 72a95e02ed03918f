using OrderEats.Engine;

namespace OrderEats.Messages.Commands;

/// <summary>Charges the customer for an order; answered with <c>PaymentCharged</c> or <c>PaymentDeclined</c>. Payments charges an order at most once.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer to charge.</param>
/// <param name="Amount">The amount.</param>
public sealed record ChargePayment(Guid OrderId, Guid CustomerId, Money Amount) : ICommand;
