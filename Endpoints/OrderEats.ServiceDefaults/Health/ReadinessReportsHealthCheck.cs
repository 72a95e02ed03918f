using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderEats.ServiceDefaults.Health;

// The services' own lines (such as the admission gate): shown, never judged. Shedding load is no reason to take an instance out of rotation.
internal sealed class ReadinessReportsHealthCheck(IEnumerable<IReadinessReport> reports) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(data: reports.ToDictionary(r => r.Name, r => (object)r.State, StringComparer.Ordinal)));
}
