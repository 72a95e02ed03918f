namespace OrderEats.Console.Monitoring;

/// <summary>One endpoint instance as the console sees it: identity, liveness, and its recent metrics (the last hour of heartbeats).</summary>
public sealed record EndpointInstanceState(
    string Endpoint, string Host, string InstanceId, DateTimeOffset StartedAt, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, InstanceStatus Status,
    long AuditDropped, IReadOnlyList<MetricsReport> History);
