using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEats.ServiceDefaults.Health;

/// <summary>
/// Who sees the details of /health/ready (each check, with database names and error text): callers the process's own schemes authenticate
/// as operators. Anonymous callers get the status only.
/// </summary>
public static class HealthDetailsAccess
{
    /// <summary>Lets callers authenticated by <paramref name="scheme"/> with one of <paramref name="roles"/> see the readiness details.</summary>
    public static IServiceCollection AddHealthOperators(this IServiceCollection services, string scheme, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(roles);
        services.AddSingleton(new HealthOperators(scheme, roles));
        return services;
    }

    internal static async Task<bool> IsOperator(HttpContext context)
    {
        foreach (var operators in context.RequestServices.GetServices<HealthOperators>())
        {
            var result = await context.AuthenticateAsync(operators.Scheme);
            if (result.Succeeded && operators.Roles.Any(result.Principal.IsInRole))
            {
                return true;
            }
        }

        return false;
    }
}
