namespace OrderEats.Engine.Persistence;

/// <summary>A saga instance as stored.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="CorrelationValue">The value of the correlation property (Guid, string, int or long).</param>
/// <param name="Data">The saga data as JSON.</param>
/// <param name="Originator">The queue that started the saga.</param>
/// <param name="OriginalMessageId">The id of the message that started the saga.</param>
/// <param name="Version">The stored version this record was read at (0 before the first insert).</param>
/// <param name="PendingTimeouts">The timeouts requested and not yet fired or cancelled.</param>
public sealed record SagaRecord(
    Guid Id,
    object CorrelationValue,
    string Data,
    string? Originator,
    string? OriginalMessageId,
    int Version,
    IReadOnlyList<PendingTimeout> PendingTimeouts);
