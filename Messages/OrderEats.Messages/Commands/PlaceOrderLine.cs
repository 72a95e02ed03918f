using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Commands;

/// <summary>
/// One line of <see cref="PlaceOrder"/>: what and how many. The name and price come from the restaurant's menu; a name or unit price sent anyway
/// must equal the menu's, or the order is rejected.
/// </summary>
/// <param name="MenuItemId">An item on the restaurant's menu (GET /restaurants/{id}).</param>
/// <param name="Quantity">How many: a whole number from 1 to 100.</param>
/// <param name="Name">Optional, computed: the item's name on the menu.</param>
/// <param name="UnitPrice">Optional, computed: the menu price of one.</param>
[PublicContract]
public sealed record PlaceOrderLine(
    Guid? MenuItemId = null,
    decimal? Quantity = null,
    [Computed("the restaurant's menu")] string? Name = null,
    [Computed("the restaurant's menu")] Money? UnitPrice = null);
