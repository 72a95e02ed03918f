using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Events;

/// <summary>
/// The order moved to <paramref name="Status"/>. Published on every transition, so a read model and a timeline outlive the saga, whose state
/// is deleted when the order ends.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The new status.</param>
/// <param name="Reason">Why, for a cancellation or a rejection; otherwise null.</param>
/// <param name="At">When the order made the transition.</param>
[PublicContract]
public sealed record OrderStatusChanged(Guid OrderId, OrderStatus Status, string? Reason, DateTimeOffset At) : IOrderEvent;
