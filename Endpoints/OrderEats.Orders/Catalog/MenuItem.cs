using OrderEats.Messages;

namespace OrderEats.Orders.Catalog;

/// <summary>One item of a restaurant's menu; orders are priced from it.</summary>
/// <param name="Id">The menu item.</param>
/// <param name="Name">Its name.</param>
/// <param name="Price">The price of one.</param>
public sealed record MenuItem(Guid Id, string Name, Money Price);
