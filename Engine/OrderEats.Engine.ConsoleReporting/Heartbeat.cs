namespace OrderEats.Engine.ConsoleReporting;

/// <summary>The body of a heartbeat: who is alive, its metrics since the previous heartbeat, the graphs of the sagas it hosts and its reported conditions.</summary>
internal sealed record Heartbeat(
    string Endpoint,
    string Host,
    string InstanceId,
    DateTimeOffset StartedAt,
    DateTimeOffset SentAt,
    double IntervalSeconds,
    MetricsSnapshot Metrics,
    long AuditDropped,
    IReadOnlyList<SagaGraph> Sagas,
    IReadOnlyList<HeartbeatCondition> Conditions);
