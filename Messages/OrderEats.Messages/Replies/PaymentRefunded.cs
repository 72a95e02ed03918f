using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>Internal: reply to <c>RefundPayment</c>: the charge was refunded.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="RefundId">The refund, as Payments records it.</param>
/// <param name="Amount">The amount refunded.</param>
[InternalContract]
public sealed record PaymentRefunded(Guid OrderId, Guid RefundId, Money Amount) : IMessage;
