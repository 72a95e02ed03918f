using System.Diagnostics;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.OutboxCrashTarget;

/// <summary>
/// Passes everything to the real transport, except that the <c>crashAt</c>-th dispatch of handler output (a send to "out") kills the
/// process before it reaches the transport: the unit of work has committed, nothing has been dispatched.
/// </summary>
internal sealed class CrashingTransport(ITransport inner, int crashAt) : ITransport
{
    private int dispatches;

    public Task Setup(TransportSetup setup, CancellationToken cancellationToken = default) => inner.Setup(setup, cancellationToken);

    public Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
        if (crashAt > 0 && operations.Any(o => o.Queue == "out") && Interlocked.Increment(ref dispatches) == crashAt)
        {
            Console.Out.WriteLine("crashing after commit, before dispatch");
            Console.Out.Flush();
            Process.GetCurrentProcess().Kill();
        }

        return inner.Dispatch(operations, cancellationToken);
    }

    public Task<IAsyncDisposable> Receive(ReceiveSettings settings, OnMessage onMessage, CancellationToken cancellationToken = default) =>
        inner.Receive(settings, onMessage, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
