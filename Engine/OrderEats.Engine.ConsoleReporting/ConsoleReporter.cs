using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Extensibility;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>The endpoint's reporting to the console: metrics (always counted), the saga audit dispatcher and the heartbeat reporter (each when configured).</summary>
internal sealed class ConsoleReporter : IHostedService, IAsyncDisposable
{
    private readonly HeartbeatReporter? heartbeats;

    public ConsoleReporter(ConsoleReportingSettings settings, EndpointExtensionContext endpoint)
    {
        var configuration = endpoint.Configuration;
        var name = configuration.EndpointName;
        var graphs = endpoint.Sagas.Select(s => SagaGraphBuilder.Build(s.SagaType, s.DataType)).ToList();
        Metrics = new EndpointMetrics(endpoint.Time);
        if (settings.SagaAuditQueue is { } auditQueue && endpoint.Sagas.Count > 0)
        {
            Audit = new AuditDispatcher(
                endpoint.Transport, auditQueue, name, configuration.HostName, settings, endpoint.Time, endpoint.LoggerFactory.CreateLogger<AuditDispatcher>());
        }

        if (settings.HeartbeatQueue is { } heartbeatQueue)
        {
            var audit = Audit;
            heartbeats = new HeartbeatReporter(
                endpoint.Transport, heartbeatQueue, name, configuration.HostName, settings.HeartbeatInterval, Metrics, () => audit?.Dropped ?? 0, graphs,
                Conditions(settings, name, endpoint.Services), endpoint.Time, endpoint.LoggerFactory.CreateLogger<HeartbeatReporter>());
        }
    }

    public EndpointMetrics Metrics { get; }

    public AuditDispatcher? Audit { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Audit?.Start();
        heartbeats?.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (heartbeats is not null)
        {
            await heartbeats.DisposeAsync();
        }

        if (Audit is not null)
        {
            await Audit.DisposeAsync();
        }
    }

    private static List<IEndpointCondition> Conditions(ConsoleReportingSettings settings, string endpoint, IServiceProvider services)
    {
        var conditions = settings.Conditions.Select(create => create(services)).ToList();
        foreach (var condition in conditions)
        {
            if (condition is null || string.IsNullOrWhiteSpace(condition.Name))
            {
                throw new InvalidOperationException(
                    $"Endpoint {endpoint}: a condition passed to ReportCondition is null or has no name. Give each condition a short name such as \"Admission\".");
            }
        }

        if (conditions.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException(
                $"Endpoint {endpoint} reports condition \"{duplicate.Key}\" {duplicate.Count()} times. Register each condition once with ReportCondition, or give them different names.");
        }

        return conditions;
    }
}
