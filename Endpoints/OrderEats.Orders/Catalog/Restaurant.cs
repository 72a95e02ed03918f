namespace OrderEats.Orders.Catalog;

/// <summary>A restaurant of the catalog.</summary>
/// <param name="Id">The restaurant.</param>
/// <param name="Name">Its name.</param>
/// <param name="Menu">Its menu, in the order it was created.</param>
public sealed record Restaurant(Guid Id, string Name, IReadOnlyList<MenuItem> Menu);
