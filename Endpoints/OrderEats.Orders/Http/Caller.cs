using System.Security.Claims;

namespace OrderEats.Orders.Http;

// Who is calling: the back office (an API key or a staff token) with full access, or a customer (a customer token whose subject is the customer id).
internal static class Caller
{
    public const string Subject = "sub";
    public const string BackOfficeRole = "backoffice";
    public const string BackOfficePolicy = "backoffice";
    public const string CustomerRole = "customer";

    public static bool IsBackOffice(ClaimsPrincipal user) => user.IsInRole(BackOfficeRole);

    public static string? Id(ClaimsPrincipal user) => user.FindFirst(Subject)?.Value;

    /// <summary>True when the caller may act for <paramref name="customerId"/>: the back office, or that customer.</summary>
    public static bool MayActFor(ClaimsPrincipal user, Guid customerId) =>
        IsBackOffice(user) || (Guid.TryParse(Id(user), out var id) && id == customerId);
}
