namespace OrderEats.Engine.Persistence;

/// <summary>
/// Stores saga instances. Every call runs in the message's unit of work. Loads lock the row (or rely on the version check) so that two messages for
/// one instance cannot both commit; a lost race throws <see cref="SagaConcurrencyException"/> and the message is retried.
/// </summary>
public interface ISagaPersister
{
    /// <summary>Loads an instance by id, or null.</summary>
    Task<SagaRecord?> Get(SagaStorageDefinition saga, Guid sagaId, IUnitOfWork session, CancellationToken cancellationToken = default);

    /// <summary>Loads the instance whose correlation property has <paramref name="correlationValue"/>, or null.</summary>
    Task<SagaRecord?> Find(SagaStorageDefinition saga, object correlationValue, IUnitOfWork session, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new instance (version 1). Another instance with the same id or correlation value makes it throw <see cref="SagaConcurrencyException"/>.</summary>
    Task Insert(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default);

    /// <summary>Writes a changed instance if its stored version still equals <see cref="SagaRecord.Version"/>, incrementing the version; throws <see cref="SagaConcurrencyException"/> otherwise.</summary>
    Task Update(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default);

    /// <summary>Deletes a completed instance if its stored version still equals <see cref="SagaRecord.Version"/>; throws <see cref="SagaConcurrencyException"/> otherwise.</summary>
    Task Delete(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default);
}
