using OrderEats.Engine;

namespace OrderEats.Messages.Commands;

/// <summary>Refunds an order's charge; answered with <c>PaymentRefunded</c>. Payments refunds an order at most once.</summary>
/// <param name="OrderId">The order whose charge is refunded.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Reason">Why the order was cancelled.</param>
public sealed record RefundPayment(Guid OrderId, Money Amount, string Reason) : ICommand;
