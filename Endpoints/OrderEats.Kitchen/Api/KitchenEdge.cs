using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Kitchen.Api;

// The kitchen API's edge: the staff-key scheme (named, never the default: in the all-in-one host the Orders API owns the default), the
// policy every kitchen route requires, and the per-key rate limiter.
internal static class KitchenEdge
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var access = DevelopmentAccess.From(configuration);
        var mode = Enum.TryParse<KitchenMode>(configuration[KitchenOptions.Section + ":Mode"], ignoreCase: true, out var parsed) ? parsed : KitchenMode.Auto;
        var auth = new KitchenAuthOptions();
        configuration.GetSection(KitchenAuthOptions.Section).Bind(auth);
        auth.Validate(access, mode);
        var limits = new KitchenRateLimitOptions();
        configuration.GetSection(KitchenRateLimitOptions.Section).Bind(limits);
        limits.Validate();

        services.AddSingleton(new StaffKeys(auth, access.IsEnabled));
        services.AddSingleton(limits);
        services.AddProblemDetails();
        services.AddDefaultDenyAuthorization();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, StaffKeyAuthenticationHandler>(KitchenStaff.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(KitchenStaff.Policy, policy => policy
            .AddAuthenticationSchemes(KitchenStaff.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(KitchenStaff.RestaurantClaim));
        services.AddRateLimiter(o => o.AddPolicy<string, KitchenRateLimitPolicy>(KitchenStaff.RateLimitPolicy));
    }
}
