using OrderEats.Engine;

namespace OrderEats.Messages.Replies;

/// <summary>Reply to <c>ChargePayment</c>: the charge was declined; nothing was taken.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">Why, as the payment provider said.</param>
public sealed record PaymentDeclined(Guid OrderId, string Reason) : IMessage;
