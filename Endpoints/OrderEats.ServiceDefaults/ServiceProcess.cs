using Microsoft.AspNetCore.Builder;
using OrderEats.ServiceDefaults.Health;

namespace OrderEats.ServiceDefaults;

/// <summary>The one shape of every OrderEats service process: service defaults, the services, the edge and health endpoints, their routes.</summary>
public static class ServiceProcess
{
    /// <summary>
    /// Builds a web application from <paramref name="args"/> and configuration, adds the service defaults and <paramref name="services"/>, uses
    /// the edge (authentication, rate limiter, authorization), maps <c>/health/live</c>, <c>/health/ready</c> and each service's routes, and
    /// runs until shut down. Returns the exit code.
    /// </summary>
    public static async Task<int> Run(string[] args, params ServiceDefinition[] services)
    {
        await using var app = Build(WebApplication.CreateBuilder(args), services);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Adds the defaults and <paramref name="services"/> to <paramref name="builder"/> and builds the application with their routes.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, params ServiceDefinition[] services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
        builder.AddServiceDefaults(infrastructure);
        foreach (var service in services)
        {
            service.Add(builder, infrastructure);
        }

        var app = builder.Build();
        app.UseOrderEatsEdge();
        app.MapOrderEatsHealthChecks();
        foreach (var service in services)
        {
            service.Map?.Invoke(app);
        }

        return app;
    }
}
