namespace OrderEats.Console.Monitoring;

/// <summary>Everything the order view shows about one saga instance.</summary>
public sealed record SagaDetail(SagaSummary Saga, IReadOnlyList<AuditTimeout> PendingTimeouts, string StateJson, IReadOnlyList<AuditRecord> Timeline, SagaGraphModel? Graph);
