using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;

namespace OrderEats.ServiceDefaults.Health;

// Every endpoint of the process has started and its broker connection is up. One line per endpoint and broker (the check's data).
internal sealed class EndpointsHealthCheck(IEnumerable<StartedEndpoint> endpoints) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lines = new Dictionary<string, object>(StringComparer.Ordinal);
        var healthy = true;
        foreach (var endpoint in endpoints)
        {
            var instance = endpoint.Instance;
            lines["endpoint:" + endpoint.EndpointName] = instance is null ? "starting" : "started";
            healthy &= instance is not null;
            if (instance?.Transport is ITransportHealth broker)
            {
                lines["broker:" + endpoint.EndpointName] = broker.IsHealthy ? "connected" : $"disconnected since {broker.DisconnectedSince:O}";
                healthy &= broker.IsHealthy;
            }
        }

        return Task.FromResult(healthy
            ? HealthCheckResult.Healthy(data: lines)
            : HealthCheckResult.Unhealthy(data: lines));
    }
}
