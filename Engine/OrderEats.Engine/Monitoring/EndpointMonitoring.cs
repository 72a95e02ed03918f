using Microsoft.Extensions.Logging;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Monitoring;

/// <summary>The endpoint's reporting to the console: metrics (always counted), the saga audit dispatcher and the heartbeat reporter (each when configured).</summary>
internal sealed class EndpointMonitoring : IAsyncDisposable
{
    private readonly HeartbeatReporter? heartbeats;

    public EndpointMonitoring(
        EndpointConfiguration configuration, ITransport transport, IReadOnlyList<SagaMetadata> sagas, IServiceProvider services, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.Monitoring;
        var name = configuration.EndpointName;
        var graphs = sagas.Select(s => SagaGraphBuilder.Build(s.SagaType, s.DataType)).ToList();
        Metrics = new EndpointMetrics(time);
        if (settings.SagaAuditQueue is { } auditQueue && sagas.Count > 0)
        {
            Audit = new AuditDispatcher(transport, auditQueue, name, configuration.HostName, settings, time, loggerFactory.CreateLogger<AuditDispatcher>());
        }

        if (settings.HeartbeatQueue is { } heartbeatQueue)
        {
            var audit = Audit;
            heartbeats = new HeartbeatReporter(
                transport, heartbeatQueue, name, configuration.HostName, settings.HeartbeatInterval, Metrics, () => audit?.Dropped ?? 0, graphs,
                Conditions(configuration, services), time, loggerFactory.CreateLogger<HeartbeatReporter>());
        }
    }

    public EndpointMetrics Metrics { get; }

    public AuditDispatcher? Audit { get; }

    public void Start()
    {
        Audit?.Start();
        heartbeats?.Start();
    }

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

    private static List<IEndpointCondition> Conditions(EndpointConfiguration configuration, IServiceProvider services)
    {
        var conditions = configuration.Monitoring.Conditions.Select(create => create(services)).ToList();
        foreach (var condition in conditions)
        {
            if (condition is null || string.IsNullOrWhiteSpace(condition.Name))
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName}: a condition passed to ReportCondition is null or has no name. Give each condition a short name such as \"Admission\".");
            }
        }

        if (conditions.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException(
                $"Endpoint {configuration.EndpointName} reports condition \"{duplicate.Key}\" {duplicate.Count()} times. Register each condition once with ReportCondition, or give them different names.");
        }

        return conditions;
    }
}
