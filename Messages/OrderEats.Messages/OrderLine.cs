namespace OrderEats.Messages;

/// <summary>One menu item of an order.</summary>
/// <param name="MenuItemId">The menu item.</param>
/// <param name="Name">The item's name as shown to the customer.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPrice">The price of one.</param>
public sealed record OrderLine(Guid MenuItemId, string Name, int Quantity, Money UnitPrice);
