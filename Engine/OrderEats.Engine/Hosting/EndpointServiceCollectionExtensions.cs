using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderEats.Engine.Hosting;

/// <summary>Adds endpoints to a Microsoft.Extensions.Hosting host.</summary>
public static class EndpointServiceCollectionExtensions
{
    /// <summary>
    /// Runs the endpoint with the host. Its message session is registered as a keyed <see cref="IMessageSession"/> and
    /// <see cref="StartedEndpoint"/> under the endpoint name; the first endpoint added is also the unkeyed <see cref="IMessageSession"/>.
    /// </summary>
    public static IServiceCollection AddOrderEatsEndpoint(this IServiceCollection services, EndpointConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var started = new StartedEndpoint(configuration.EndpointName);
        services.AddKeyedSingleton(configuration.EndpointName, started);
        services.AddKeyedSingleton<IMessageSession>(configuration.EndpointName, started);
        services.TryAddSingleton<IMessageSession>(started);
        services.AddSingleton(started);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new EndpointHostedService(configuration, sp, started));
        return services;
    }
}
