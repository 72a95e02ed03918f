using System.Diagnostics;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Orders.CrashTarget;

/// <summary>
/// Passes everything to the real transport, except that the <c>crashAt</c>-th dispatch of StartOrder made while serving an HTTP request — the
/// dispatch POST /orders makes after its transactional session committed — kills the process before it reaches the transport: the order row and
/// its outbox record are committed, the control message is on its way, StartOrder is not. Dispatches made while processing messages (the control
/// message repairing an earlier crash) are not counted.
/// </summary>
internal sealed class CrashAfterCommitTransport(ITransport inner, int crashAt, IHttpContextAccessor http) : ITransport
{
    private const string StartOrder = "OrderEats.Messages.Commands.StartOrder";
    private int dispatches;

    public Task Setup(TransportSetup setup, CancellationToken cancellationToken = default) => inner.Setup(setup, cancellationToken);

    public Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
        if (crashAt > 0 && http.HttpContext is not null && operations.Any(IsStartOrder) && Interlocked.Increment(ref dispatches) == crashAt)
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

    private static bool IsStartOrder(TransportOperation operation) =>
        !operation.Message.Headers.ContainsKey(Headers.ControlMessage)
        && operation.Message.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes)?.StartsWith(StartOrder, StringComparison.Ordinal) == true;
}
