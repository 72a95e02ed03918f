using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Events;

/// <summary>The order was cancelled. Published once per order, when the outcome is final: after the refund when there was a charge.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Reason">Why (declined payment, kitchen rejection or timeout, the customer's reason).</param>
/// <param name="Refunded">True when the customer was charged and the charge has been refunded; false when nothing was charged.</param>
[PublicContract]
public sealed record OrderCancelled(Guid OrderId, Guid CustomerId, string Reason, bool Refunded) : IOrderEvent;
