using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>Internal: reply to <c>ChargePayment</c>: the charge was declined; nothing was taken.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">Why, as the payment provider said.</param>
[InternalContract]
public sealed record PaymentDeclined(Guid OrderId, string Reason) : IMessage;
