using OrderEats.Messages;

namespace OrderEats.Orders.Placement;

// One requested line: what and how many, and the name and price the sender believes (checked against the menu when given).
internal sealed record OrderRequestLine(Guid? MenuItemId, decimal? Quantity, string? Name, Money? UnitPrice);
