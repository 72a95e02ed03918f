using OrderEats.Messages;

namespace OrderEats.Orders.Placement;

// An order as any sender asked for it (POST /orders or a PlaceOrder message), before anything was checked: every part may be missing.
internal sealed record OrderRequest(Guid OrderId, Guid? CustomerId, Guid? RestaurantId, IReadOnlyList<OrderRequestLine?>? Lines, Money? Total);
