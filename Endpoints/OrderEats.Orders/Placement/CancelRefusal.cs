using OrderEats.Messages;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

// Why an order can no longer be cancelled, or null while it can (before the kitchen accepted it).
internal static class CancelRefusal
{
    public static string? For(OrderView order) => order.Status switch
    {
        OrderStatus.Accepted or OrderStatus.Ready => $"Order {order.OrderId} is {order.Status}: the kitchen has accepted it, so it can no longer be cancelled.",
        OrderStatus.Completed => $"Order {order.OrderId} is Completed; a completed order cannot be cancelled.",
        OrderStatus.Cancelled => $"Order {order.OrderId} is cancelled already: {order.Reason}",
        OrderStatus.Rejected => $"Order {order.OrderId} was rejected and never started, so there is nothing to cancel: {order.Reason}",
        _ => null,
    };
}
