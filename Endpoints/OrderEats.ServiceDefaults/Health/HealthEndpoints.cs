using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderEats.ServiceDefaults.Health;

/// <summary>
/// The health endpoints of every OrderEats process, on ASP.NET Core health checks: <c>GET /health/live</c> (no checks: 200 while the process
/// runs) and <c>GET /health/ready</c> (the checks tagged "ready": endpoints started, broker connected, databases reachable, and
/// the services' own report lines, which are shown but never judged). Both are anonymous; the checks go only to operators
/// (<see cref="HealthDetailsAccess"/>), everyone else gets the status.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c> (GET, anonymous, never cached; 503 when not ready).</summary>
    public static IEndpointRouteBuilder MapOrderEatsHealthChecks(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteLive })
            .WithMetadata(new HttpMethodMetadata(["GET"]))
            .AllowAnonymous();
        routes.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteReady })
            .WithMetadata(new HttpMethodMetadata(["GET"]))
            .AllowAnonymous();
        return routes;
    }

    /// <summary>Adds the health check service with the endpoint check and the services' report lines (once per process).</summary>
    public static IServiceCollection AddOrderEatsHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ReadinessLog>();
        services.AddHealthChecks()
            .AddCheck<EndpointsHealthCheck>("endpoints", tags: [ReadyTag])
            .AddCheck<ReadinessReportsHealthCheck>("reports", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Adds a readiness check named <c>database:&lt;name&gt;</c> that pings <paramref name="database"/> (once per database, however often it is called).</summary>
    public static IServiceCollection AddDatabaseHealthCheck(this IServiceCollection services, EndpointDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        var name = "database:" + DatabaseHealthCheck.NameOf(database);
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            if (!options.Registrations.Any(r => r.Name == name))
            {
                options.Registrations.Add(new HealthCheckRegistration(name, _ => new DatabaseHealthCheck(database), HealthStatus.Unhealthy, [ReadyTag]));
            }
        });
        return services;
    }

    private const string LivePath = "/health/live";
    private const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";
}
