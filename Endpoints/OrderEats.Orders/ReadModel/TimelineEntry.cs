using OrderEats.Messages;

namespace OrderEats.Orders.ReadModel;

/// <summary>One status an order reached, once each.</summary>
/// <param name="At">When the saga made the transition.</param>
/// <param name="Status">The status reached.</param>
/// <param name="Reason">Why, for a cancellation.</param>
public sealed record TimelineEntry(DateTimeOffset At, OrderStatus Status, string? Reason);
