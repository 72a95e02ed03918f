namespace OrderEats.Engine;

/// <summary>
/// A unit of work opened outside a handler (an HTTP request, a job): business data written through <see cref="Storage"/> and the messages sent
/// or published through the session commit together in one database transaction, through the outbox, and are dispatched after the commit.
/// A crash between the commit and the dispatch is repaired by the endpoint itself: a control message sent to its own queue before the commit
/// dispatches the committed messages. Disposing without <see cref="Commit"/> rolls everything back and sends nothing.
/// </summary>
public interface ITransactionalSession : IMessageSession, IAsyncDisposable
{
    /// <summary>The session's id: the outbox record's key and the control message's id.</summary>
    string SessionId { get; }

    /// <summary>The open connection and transaction; enlist every business command in it.</summary>
    IStorageSession Storage { get; }

    /// <summary>
    /// Commits the business data and the outgoing messages atomically, then dispatches the messages. Once this returns, the messages will be
    /// delivered even if the process dies now. Throws when nothing was committed (the broker or the database was unavailable): then nothing is sent.
    /// </summary>
    Task Commit(CancellationToken cancellationToken = default);
}
