using OrderEats.Messages;

namespace OrderEats.Orders.Placement;

// What placing needs to know of an order stored under the requested id: its fingerprint, its status, and whether its saga ever ran.
internal sealed record StoredOrder(string RequestHash, OrderStatus Status, bool Started);
