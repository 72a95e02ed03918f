using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>What one message did to one saga instance; the wire format is documented in docs/console-api.md.</summary>
internal sealed record SagaAuditEntry(
    string SagaType,
    Guid SagaId,
    string CorrelationValue,
    string Endpoint,
    DateTimeOffset ProcessedAt,
    AuditedMessage Incoming,
    bool IsNew,
    bool Completed,
    string? StateBefore,
    string StateAfter,
    IReadOnlyList<AuditedMessage> Outgoing,
    IReadOnlyList<PendingTimeout> TimeoutsRequested,
    IReadOnlyList<PendingTimeout> TimeoutsCancelled,
    IReadOnlyList<PendingTimeout> PendingTimeouts,
    string? FiredTimeoutId,
    string? Note = null);
