using OrderEats.Engine;

namespace OrderEats.Messages.Replies;

/// <summary>Reply to <c>PrepareOrder</c>: the kitchen took the order and will prepare it.</summary>
/// <param name="OrderId">The order.</param>
public sealed record OrderAccepted(Guid OrderId) : IMessage;
