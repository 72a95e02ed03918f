namespace OrderEats.Engine.Persistence;

/// <summary>The persistence seam's root: installs the schema and opens the unit of work that sagas, the outbox and business data share.</summary>
public interface IStorage
{
    /// <summary>Creates the tables for the given sagas and the outbox if they are missing. Idempotent.</summary>
    Task Setup(PersistenceSetup setup, CancellationToken cancellationToken = default);

    /// <summary>Opens a connection and begins a transaction.</summary>
    Task<IUnitOfWork> OpenSession(CancellationToken cancellationToken = default);
}
