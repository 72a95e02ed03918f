namespace OrderEats.Engine.Persistence;

/// <summary>What an endpoint stores.</summary>
/// <param name="EndpointName">The endpoint (outbox rows are per endpoint).</param>
/// <param name="Sagas">The saga types hosted by the endpoint.</param>
/// <param name="Outbox">True when the endpoint uses the outbox.</param>
public sealed record PersistenceSetup(string EndpointName, IReadOnlyList<SagaStorageDefinition> Sagas, bool Outbox);
