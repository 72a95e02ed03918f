using OrderEats.Messages.Commands;
using OrderEats.Orders.Http;

namespace OrderEats.Orders.Placement;

// Both entry points map into one request shape, so that every sender goes through the same checks.
internal static class OrderRequests
{
    public static OrderRequest From(PlaceOrderRequest request) => new(
        request.OrderId,
        request.CustomerId,
        request.RestaurantId,
        request.Lines?.Select(l => l is null ? null : new OrderRequestLine(l.MenuItemId, l.Quantity, null, null)).ToList(),
        null);

    public static OrderRequest From(PlaceOrder message) => new(
        message.OrderId,
        message.CustomerId,
        message.RestaurantId,
        message.Lines?.Select(l => l is null ? null : new OrderRequestLine(l.MenuItemId, l.Quantity, l.Name, l.UnitPrice)).ToList(),
        message.Total);
}
