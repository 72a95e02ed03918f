using OrderEats.Messages;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.ReadModel;

/// <summary>Data of <see cref="OrdersReadModel.Changed"/>: an order reached a status, and that is committed.</summary>
/// <param name="orderId">The order.</param>
/// <param name="status">The status it reached (its current status may be later: events can arrive out of order).</param>
public sealed class OrderChangedEventArgs(Guid orderId, OrderStatus status) : EventArgs
{
    /// <summary>The order.</summary>
    public Guid OrderId { get; } = orderId;

    /// <summary>The status reached.</summary>
    public OrderStatus Status { get; } = status;
}
