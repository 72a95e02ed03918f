namespace OrderEats.Console.Monitoring;

/// <summary>
/// One endpoint instance as the console sees it: identity, liveness, its recent metrics (the last hour of heartbeats) and the conditions its
/// latest heartbeat reported.
/// </summary>
public sealed record EndpointInstanceState(
    string Endpoint, string Host, string InstanceId, DateTimeOffset StartedAt, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, InstanceStatus Status,
    long AuditDropped, IReadOnlyList<MetricsReport> History, IReadOnlyList<EndpointCondition> Conditions)
{
    /// <summary>True while a condition of the latest heartbeat is degraded.</summary>
    public bool Degraded => Conditions.Any(c => c.Degraded);
}
