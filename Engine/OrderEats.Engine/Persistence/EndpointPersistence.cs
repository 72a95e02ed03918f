namespace OrderEats.Engine.Persistence;

/// <summary>The persistence an endpoint uses: the unit of work, the saga persister and, optionally, the outbox.</summary>
/// <param name="Storage">Opens units of work and installs the schema.</param>
/// <param name="Sagas">Stores saga instances.</param>
/// <param name="Outbox">Stores the outbox; null when the persistence has none.</param>
public sealed record EndpointPersistence(IStorage Storage, ISagaPersister Sagas, IOutboxStorage? Outbox);
