namespace OrderEats.Orders.Http;

/// <summary>One item of a new restaurant's menu.</summary>
/// <param name="Name">The item's name (required).</param>
/// <param name="Price">The price of one, greater than zero.</param>
/// <param name="Currency">An ISO 4217 currency code in use (EUR).</param>
public sealed record MenuItemRequest(string Name, decimal Price, string Currency);
