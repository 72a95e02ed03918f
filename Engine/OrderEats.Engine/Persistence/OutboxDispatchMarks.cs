using System.Threading.Channels;

namespace OrderEats.Engine.Persistence;

/// <summary>
/// Marks outbox records dispatched with group commits: every message waits until its mark is written (so a copy redelivered after the
/// acknowledgement always finds the record dispatched), but the marks that queue up while one write runs go out together in the next write:
/// one statement for many messages under load, one per message when idle. A failed write fails every message in it; each is retried and its
/// redelivered copy dispatches the stored operations again (receivers deduplicate by message id) before marking anew.
/// </summary>
internal sealed class OutboxDispatchMarks : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly IOutboxStorage outbox;
    private readonly Channel<(string MessageId, TaskCompletionSource Written)> pending =
        Channel.CreateUnbounded<(string, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task writer;

    public OutboxDispatchMarks(IOutboxStorage outbox)
    {
        this.outbox = outbox;
        writer = Task.Run(Write);
    }

    /// <summary>Marks <paramref name="messageId"/>'s record dispatched; completes once the mark is written.</summary>
    public Task Mark(string messageId)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((messageId, written)))
        {
            // Stopping: the writer is gone, so this one is written on its own.
            return outbox.MarkDispatched([messageId]);
        }

        return written.Task;
    }

    /// <summary>Writes what is queued and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await writer;
    }

    private async Task Write()
    {
        var batch = new List<(string MessageId, TaskCompletionSource Written)>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await outbox.MarkDispatched(batch.ConvertAll(b => b.MessageId));
                batch.ForEach(b => b.Written.TrySetResult());
            }
#pragma warning disable CA1031 // the failure belongs to the messages waiting for this write; the writer keeps running for the next ones
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(b => b.Written.TrySetException(ex));
            }

            batch.Clear();
        }
    }
}
