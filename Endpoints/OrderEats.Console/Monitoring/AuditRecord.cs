namespace OrderEats.Console.Monitoring;

/// <summary>What one message did to one saga instance, as the endpoint reported it.</summary>
public sealed record AuditRecord(
    string SagaType,
    Guid SagaId,
    string CorrelationValue,
    string Endpoint,
    DateTimeOffset ProcessedAt,
    AuditMessage Incoming,
    bool IsNew,
    bool Completed,
    string? StateBefore,
    string StateAfter,
    IReadOnlyList<AuditMessage> Outgoing,
    IReadOnlyList<AuditTimeout> TimeoutsRequested,
    IReadOnlyList<AuditTimeout> TimeoutsCancelled,
    IReadOnlyList<AuditTimeout> PendingTimeouts,
    string? FiredTimeoutId,
    string? Note = null);
