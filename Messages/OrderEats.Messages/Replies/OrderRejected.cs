using OrderEats.Engine;

namespace OrderEats.Messages.Replies;

/// <summary>Reply to <c>PrepareOrder</c>: the kitchen will not prepare the order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">Why (closed, item unavailable…).</param>
public sealed record OrderRejected(Guid OrderId, string Reason) : IMessage;
