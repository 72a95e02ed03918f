using System.Data.Common;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.InMemory;

/// <summary>A unit of work that holds the store's write lock and applies its buffered writes on commit.</summary>
internal sealed class InMemorySession(InMemoryStore store) : IUnitOfWork
{
    private readonly List<Action> writes = [];
    private bool released;

    public DbConnection Connection => throw new InvalidOperationException("The in-memory persistence has no database connection. Use UseSqlite, UsePostgreSql or UseSqlServer for handlers that store business data.");

    public DbTransaction Transaction => throw new InvalidOperationException("The in-memory persistence has no database transaction. Use UseSqlite, UsePostgreSql or UseSqlServer for handlers that store business data.");

    public void Enlist(Action write) => writes.Add(write);

    public Task Commit(CancellationToken cancellationToken = default)
    {
        foreach (var write in writes)
        {
            write();
        }

        writes.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!released)
        {
            released = true;
            store.WriteLock.Release();
        }

        return ValueTask.CompletedTask;
    }
}
