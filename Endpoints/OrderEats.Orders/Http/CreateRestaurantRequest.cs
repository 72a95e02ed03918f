namespace OrderEats.Orders.Http;

/// <summary>A restaurant to add to the catalog, with its menu.</summary>
/// <param name="Name">The restaurant's name (required).</param>
/// <param name="Menu">Its menu: 1 to 100 items.</param>
public sealed record CreateRestaurantRequest(string Name, IReadOnlyList<MenuItemRequest> Menu);
