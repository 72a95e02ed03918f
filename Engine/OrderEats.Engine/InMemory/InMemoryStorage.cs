using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.InMemory;

/// <summary>Opens in-memory units of work; one at a time, like SQLite's single writer.</summary>
internal sealed class InMemoryStorage(InMemoryStore store) : IStorage
{
    public Task Setup(PersistenceSetup setup, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<IUnitOfWork> OpenSession(CancellationToken cancellationToken = default)
    {
        await store.WriteLock.WaitAsync(cancellationToken);
        return new InMemorySession(store);
    }
}
