using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>Internal: reply to <c>PrepareOrder</c>: the kitchen took the order and will prepare it.</summary>
/// <param name="OrderId">The order.</param>
[InternalContract]
public sealed record OrderAccepted(Guid OrderId) : IMessage;
