using System.Data.Common;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Pipeline;

/// <summary>The unit of work of an endpoint without persistence: nothing to commit, and no connection to hand out.</summary>
internal sealed class NoStorage : IStorage, IUnitOfWork
{
    public DbConnection Connection => throw NoDatabase();

    public DbTransaction Transaction => throw NoDatabase();

    public Task Setup(PersistenceSetup setup, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IUnitOfWork> OpenSession(CancellationToken cancellationToken = default) => Task.FromResult<IUnitOfWork>(this);

    public Task Commit(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static InvalidOperationException NoDatabase() =>
        new("This endpoint has no SQL persistence, so handlers get no connection. Configure UseSqlite, UsePostgreSql or UseSqlServer on the endpoint.");
}
