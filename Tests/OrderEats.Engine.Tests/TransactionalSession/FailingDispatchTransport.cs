using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.TransactionalSession;

/// <summary>
/// Passes everything on and counts the sends per queue that reached the broker; while <see cref="FailSendsTo"/> names a queue, a dispatch of a
/// send to it throws instead (the broker went away).
/// </summary>
internal sealed class FailingDispatchTransport(ITransport inner) : ITransport
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> sent = new(StringComparer.Ordinal);

    public string? FailSendsTo { get; set; }

    public int SentTo(string queue) => sent.GetValueOrDefault(queue);

    public Task Setup(TransportSetup setup, CancellationToken cancellationToken = default) => inner.Setup(setup, cancellationToken);

    public async Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
        if (FailSendsTo is { } queue && operations.Any(o => o.Queue == queue))
        {
            throw new InvalidOperationException("simulated: the broker connection dropped after the commit");
        }

        await inner.Dispatch(operations, cancellationToken);
        foreach (var operation in operations.Where(o => o.Queue is not null))
        {
            sent.AddOrUpdate(operation.Queue!, 1, (_, count) => count + 1);
        }
    }

    public Task<IAsyncDisposable> Receive(ReceiveSettings settings, OnMessage onMessage, CancellationToken cancellationToken = default) =>
        inner.Receive(settings, onMessage, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
