using OrderEats.Messages;

namespace OrderEats.Orders.ReadModel;

/// <summary>One line of a stored order, priced from the menu.</summary>
/// <param name="MenuItemId">The menu item.</param>
/// <param name="Name">Its name when the order was placed.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPrice">The price of one when the order was placed.</param>
/// <param name="LineTotal">Quantity times unit price.</param>
public sealed record OrderLineView(Guid MenuItemId, string Name, int Quantity, Money UnitPrice, Money LineTotal);
