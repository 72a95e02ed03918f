using System.Security.Claims;

namespace OrderEats.Kitchen.Api;

// Names of the kitchen's scheme, policy and claims, and reading the caller's restaurant back from the principal.
internal static class KitchenStaff
{
    public const string Scheme = "KitchenStaffKey";
    public const string Header = "X-Kitchen-Key";
    public const string Policy = "kitchen-staff";
    public const string RateLimitPolicy = "kitchen-staff";
    public const string RestaurantClaim = "restaurant";
    public const string NameClaim = "sub";

    public static Guid RestaurantOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(RestaurantClaim)?.Value, out var restaurant) ? restaurant : Guid.Empty;

    public static string NameOf(ClaimsPrincipal user) => user.FindFirst(NameClaim)?.Value ?? "unknown";
}
