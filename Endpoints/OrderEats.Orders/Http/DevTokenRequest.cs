namespace OrderEats.Orders.Http;

/// <summary>The body of the Development-only <c>POST /dev/token</c>: the customer the token is for.</summary>
/// <param name="CustomerId">The customer id; it becomes the token's subject.</param>
public sealed record DevTokenRequest(Guid CustomerId);
