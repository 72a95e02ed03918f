using OrderEats.Engine;

namespace OrderEats.Messages.Replies;

/// <summary>Reply to <c>PrepareOrder</c>, after <c>OrderAccepted</c>: the order is ready to hand over.</summary>
/// <param name="OrderId">The order.</param>
public sealed record OrderPrepared(Guid OrderId) : IMessage;
