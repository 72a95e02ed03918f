using OrderEats.Messages;

namespace OrderEats.Orders.Data;

// The order life cycle as the read model applies it: Submitted → Paid → Accepted → Ready → Completed, or Cancelled before it ends; Rejected is
// stored as such when the request is refused and has no predecessor.
internal static class OrderStatusRules
{
    private static readonly OrderStatus[] Forward = [OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Ready, OrderStatus.Completed];

    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.Rejected;

    // The statuses an order may move to status from: every earlier non-terminal one. Completed, Cancelled and Rejected are never left.
    public static IReadOnlyList<OrderStatus> Predecessors(OrderStatus status) => status switch
    {
        OrderStatus.Rejected => [],
        OrderStatus.Cancelled => [.. Forward.Where(s => !IsTerminal(s))],
        _ => [.. Forward.TakeWhile(s => s != status).Where(s => !IsTerminal(s))],
    };
}
