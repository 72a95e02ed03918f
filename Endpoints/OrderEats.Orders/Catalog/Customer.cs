namespace OrderEats.Orders.Catalog;

/// <summary>A registered customer.</summary>
/// <param name="Id">The customer.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Email">The customer's email address (trimmed, lower case).</param>
public sealed record Customer(Guid Id, string Name, string Email);
