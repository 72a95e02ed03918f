namespace OrderEats.Orders.Http;

/// <summary>A customer to register.</summary>
/// <param name="Name">The customer's name (required).</param>
/// <param name="Email">A valid email address, unique among customers.</param>
public sealed record CreateCustomerRequest(string Name, string Email);
