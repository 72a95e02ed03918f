using OrderEats.Messages;

namespace OrderEats.Orders.Placement;

// An order priced from the menu: the lines as the menu names and prices them, and their sum.
internal sealed record PricedOrder(Guid CustomerId, Guid RestaurantId, IReadOnlyList<OrderLine> Lines, Money Total);
