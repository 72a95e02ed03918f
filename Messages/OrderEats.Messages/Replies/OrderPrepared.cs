using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>Internal: reply to <c>PrepareOrder</c>, after <c>OrderAccepted</c>: the order is ready to hand over.</summary>
/// <param name="OrderId">The order.</param>
[InternalContract]
public sealed record OrderPrepared(Guid OrderId) : IMessage;
