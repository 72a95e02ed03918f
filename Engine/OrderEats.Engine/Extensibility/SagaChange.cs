using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Extensibility;

/// <summary>What one incoming message did to one saga instance, recorded when an add-on asks (<see cref="IIncomingMessageContext.RecordSagaChanges"/>).</summary>
/// <param name="SagaType">The saga's contract name.</param>
/// <param name="Loaded">The instance as loaded (or as created, for a new one), with the timeouts pending before the message.</param>
/// <param name="StateBefore">The saga data as JSON before the message; null for a new instance.</param>
/// <param name="StateAfter">The saga data as JSON after the message.</param>
/// <param name="IsNew">True when the message started the instance.</param>
/// <param name="Completed">True when the saga marked itself complete.</param>
/// <param name="Outgoing">The messages the saga sent, published or requested as timeouts while handling the message.</param>
/// <param name="PendingAfter">The timeouts pending after the message.</param>
/// <param name="At">When the change was made.</param>
/// <param name="Note">Why the change was made, when it was not a handler (e.g. an operator cancelled a timeout).</param>
public sealed record SagaChange(
    string SagaType,
    SagaRecord Loaded,
    string? StateBefore,
    string StateAfter,
    bool IsNew,
    bool Completed,
    IReadOnlyList<TransportOperation> Outgoing,
    IReadOnlyList<PendingTimeout> PendingAfter,
    DateTimeOffset At,
    string? Note = null);
