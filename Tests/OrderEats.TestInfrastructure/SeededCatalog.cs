namespace OrderEats.TestInfrastructure;

/// <summary>What placing an order needs from a catalog seeded through the Orders API.</summary>
public sealed class SeededCatalog
{
    /// <summary>Customer ids.</summary>
    public List<Guid> Customers { get; } = [];

    /// <summary>Restaurant id → its menu item ids.</summary>
    public Dictionary<Guid, List<Guid>> Menus { get; } = [];
}
