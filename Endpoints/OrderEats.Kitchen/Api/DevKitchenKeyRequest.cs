namespace OrderEats.Kitchen.Api;

/// <summary>The body of the Development-only <c>POST /dev/kitchen-key</c>: the restaurant the key acts for.</summary>
/// <param name="RestaurantId">The restaurant's id (from <c>POST /restaurants</c>).</param>
public sealed record DevKitchenKeyRequest(Guid RestaurantId);
