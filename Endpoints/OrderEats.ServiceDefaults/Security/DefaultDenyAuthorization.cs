using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// Default deny: a fallback authorization policy makes every route require an authenticated caller unless it is marked
/// <c>AllowAnonymous()</c>. A process without credentials of its own (Payments, Notifications) gets a scheme that authenticates nobody,
/// so its unlisted routes answer 401.
/// </summary>
public static class DefaultDenyAuthorization
{
    /// <summary>The scheme that authenticates nobody; the default scheme only when the process registers no other.</summary>
    public const string NoCredentialsScheme = "OrderEats.NoCredentials";

    /// <summary>Adds the fallback policy and the no-credentials scheme (idempotent; every OrderEats process and composable service calls it).</summary>
    public static IServiceCollection AddDefaultDenyAuthorization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return services;
        }

        services.TryAddSingleton<Marker>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, NoCredentialsAuthenticationHandler>(NoCredentialsScheme, null);
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            if (options.DefaultScheme is null && options.DefaultAuthenticateScheme is null && options.DefaultChallengeScheme is null)
            {
                options.DefaultScheme = NoCredentialsScheme;
            }
        });
        return services;
    }

    private sealed class Marker;
}
