namespace OrderEats.Engine.Persistence;

/// <summary>An open transaction. Disposing without <see cref="Commit"/> rolls back.</summary>
public interface IUnitOfWork : IStorageSession, IAsyncDisposable
{
    /// <summary>Commits everything written through this session.</summary>
    Task Commit(CancellationToken cancellationToken = default);
}
