using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>Internal: reply to <c>ChargePayment</c>: the customer was charged.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="ChargeId">The charge, as Payments records it.</param>
/// <param name="Amount">The amount charged.</param>
[InternalContract]
public sealed record PaymentCharged(Guid OrderId, Guid ChargeId, Money Amount) : IMessage;
