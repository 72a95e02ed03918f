using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>Internal: reply to <c>PrepareOrder</c>: the kitchen will not prepare the order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">Why (closed, item unavailable…).</param>
[InternalContract]
public sealed record OrderRejected(Guid OrderId, string Reason) : IMessage;
