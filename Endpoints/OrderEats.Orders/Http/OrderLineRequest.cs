namespace OrderEats.Orders.Http;

/// <summary>One line of an order as the client sends it: what and how many; the price comes from the menu.</summary>
/// <param name="MenuItemId">An item of the restaurant's menu.</param>
/// <param name="Quantity">How many, 1 to 100.</param>
public sealed record OrderLineRequest(Guid MenuItemId, int Quantity);
