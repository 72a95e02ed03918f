using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Extensibility;

/// <summary>A saga the endpoint hosts, as add-ons see it.</summary>
/// <param name="SagaType">The saga class.</param>
/// <param name="DataType">Its data class.</param>
/// <param name="Storage">How the persister stores it (its contract name is <see cref="SagaStorageDefinition.SagaType"/>).</param>
public sealed record HostedSaga(Type SagaType, Type DataType, SagaStorageDefinition Storage)
{
    /// <summary>The saga's contract name.</summary>
    public string Name => Storage.SagaType;
}
