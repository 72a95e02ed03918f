using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sagas;

/// <summary>Describes how saga types are stored, for tools that print or install the schema without running an endpoint.</summary>
public static class SagaStorageDefinitions
{
    /// <summary>Reads and validates the saga's declarations and returns its storage definition.</summary>
    public static SagaStorageDefinition Describe(Type sagaType)
    {
        ArgumentNullException.ThrowIfNull(sagaType);
        if (!typeof(Saga).IsAssignableFrom(sagaType) || sagaType.IsAbstract)
        {
            throw new ArgumentException($"{sagaType.FullName} is not a concrete saga (derive it from Saga<TData>).", nameof(sagaType));
        }

        return SagaMetadata.Create(sagaType).Storage;
    }
}
