using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Replies;

/// <summary>
/// Reply to <c>PlaceOrder</c>: the order is valid, priced from the menu and stored, and its saga runs (for a repeat of an identical request: the
/// order as it is now). Its further progress shows in the order's events and in <c>GET /orders/{id}</c>.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">Its status when the reply was sent (Submitted for a new order).</param>
/// <param name="Lines">The lines as priced from the menu.</param>
/// <param name="Total">The amount that will be charged: the sum of the lines.</param>
[PublicContract]
public sealed record OrderPlaced(
    Guid OrderId,
    OrderStatus Status,
    [Computed("the restaurant's menu")] IReadOnlyList<OrderLine> Lines,
    [Computed("the lines at menu prices")] Money Total) : IMessage;
