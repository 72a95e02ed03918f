using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.InMemory;

/// <summary>Opens in-memory units of work with optimistic concurrency: a conflicting commit throws and the message is retried.</summary>
internal sealed class InMemoryStorage(InMemoryStore store) : IStorage
{
    public Task Setup(PersistenceSetup setup, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IUnitOfWork> OpenSession(CancellationToken cancellationToken = default) => Task.FromResult<IUnitOfWork>(new InMemorySession(store));
}
