using System.Data.Common;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.InMemory;

/// <summary>A unit of work that buffers its writes; commit checks them all (versions, uniqueness) under the store's lock, then applies them all.</summary>
internal sealed class InMemorySession(InMemoryStore store) : IUnitOfWork
{
    private readonly List<(Action Check, Action Apply)> writes = [];

    public DbConnection Connection => throw new InvalidOperationException("The in-memory persistence has no database connection. Use UseSqlite, UsePostgreSql or UseSqlServer for handlers that store business data.");

    public DbTransaction Transaction => throw new InvalidOperationException("The in-memory persistence has no database transaction. Use UseSqlite, UsePostgreSql or UseSqlServer for handlers that store business data.");

    public void Enlist(Action check, Action apply) => writes.Add((check, apply));

    public Task Commit(CancellationToken cancellationToken = default)
    {
        lock (store.CommitLock)
        {
            foreach (var (check, _) in writes)
            {
                check();
            }

            foreach (var (_, apply) in writes)
            {
                apply();
            }
        }

        writes.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        writes.Clear();
        return ValueTask.CompletedTask;
    }
}
