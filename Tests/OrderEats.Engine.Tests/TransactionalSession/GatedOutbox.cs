using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.TransactionalSession;

/// <summary>
/// Wraps an outbox store: once <see cref="HoldNextStore"/> is called, the next record stored waits until the test releases it (a session whose
/// commit takes long), and storing an empty record (a session recorded as abandoned) is signalled. Forces the race without timing.
/// </summary>
internal sealed class GatedOutbox(IOutboxStorage inner) : IOutboxStorage
{
    private TaskCompletionSource? armed;

    public TaskCompletionSource Abandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource HoldNextStore()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        armed = gate;
        return gate;
    }

    public Task<OutboxRecord?> Get(string messageId, IUnitOfWork? session = null, CancellationToken cancellationToken = default) =>
        inner.Get(messageId, session, cancellationToken);

    public async Task Store(string messageId, IReadOnlyList<TransportOperation> operations, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref armed, null) is { } gate)
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        await inner.Store(messageId, operations, session, cancellationToken);
        if (operations.Count == 0)
        {
            Abandoned.TrySetResult();
        }
    }

    public Task MarkDispatched(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default) => inner.MarkDispatched(messageIds, cancellationToken);

    public Task<int> Purge(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => inner.Purge(olderThan, cancellationToken);
}
