using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Persistence;

/// <summary>What an incoming message sent, and whether that was dispatched.</summary>
/// <param name="MessageId">The incoming message id.</param>
/// <param name="Operations">The outgoing operations (empty once dispatched).</param>
/// <param name="Dispatched">True once the operations reached the transport.</param>
public sealed record OutboxRecord(string MessageId, IReadOnlyList<TransportOperation> Operations, bool Dispatched);
