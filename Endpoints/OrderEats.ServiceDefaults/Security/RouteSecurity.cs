using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// Lists every route of a running application (the endpoint data source) with the policy that guards it, evaluated the way the
/// authorization middleware does: AllowAnonymous, else the route's own policies combined, else the fallback policy. A route counts as
/// anonymous when an unauthenticated caller would pass.
/// </summary>
public static class RouteSecurity
{
    /// <summary>The routes of the application whose services are <paramref name="services"/>.</summary>
    public static async Task<IReadOnlyList<RouteAccess>> Describe(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var routes = new List<RouteAccess>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [];
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                routes.Add(new RouteAccess(route, methods, true, "anonymous"));
                continue;
            }

            var policy = await AuthorizationPolicy.CombineAsync(
                provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
                ?? await provider.GetFallbackPolicyAsync();
            if (policy is null)
            {
                routes.Add(new RouteAccess(route, methods, true, "no policy"));
                continue;
            }

            var passes = (await authorization.AuthorizeAsync(anonymous, new DefaultHttpContext(), policy)).Succeeded;
            routes.Add(new RouteAccess(route, methods, passes, string.Join(" + ", policy.Requirements.Select(r => r.ToString()))));
        }

        return routes;
    }
}
