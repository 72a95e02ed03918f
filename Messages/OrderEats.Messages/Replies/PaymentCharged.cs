using OrderEats.Engine;

namespace OrderEats.Messages.Replies;

/// <summary>Reply to <c>ChargePayment</c>: the customer was charged.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="ChargeId">The charge, as Payments records it.</param>
/// <param name="Amount">The amount charged.</param>
public sealed record PaymentCharged(Guid OrderId, Guid ChargeId, Money Amount) : IMessage;
