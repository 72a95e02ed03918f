namespace OrderEats.Console.Monitoring;

/// <summary>A heartbeat as an endpoint instance sends it; <see cref="Conditions"/> is null from endpoints that predate conditions.</summary>
internal sealed record HeartbeatReport(
    string Endpoint,
    string Host,
    string InstanceId,
    DateTimeOffset StartedAt,
    DateTimeOffset SentAt,
    double IntervalSeconds,
    MetricsReport Metrics,
    long AuditDropped,
    IReadOnlyList<SagaGraphModel> Sagas,
    IReadOnlyList<EndpointCondition?>? Conditions = null);
