using OrderEats.Engine;

namespace OrderEats.Messages.Replies;

/// <summary>Reply to <c>RefundPayment</c>: the charge was refunded.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="RefundId">The refund, as Payments records it.</param>
/// <param name="Amount">The amount refunded.</param>
public sealed record PaymentRefunded(Guid OrderId, Guid RefundId, Money Amount) : IMessage;
