using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// Sends saga audit records to the console in batches from a background task. Enqueueing never blocks: when the buffer is full the record is
/// dropped with a warning, and a failed send is logged and dropped, so the audit can never slow down or fail a business message.
/// </summary>
internal sealed class AuditDispatcher : IAsyncDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);
    private readonly Channel<SagaAuditEntry> channel;
    private readonly ITransport transport;
    private readonly string queue;
    private readonly string endpoint;
    private readonly string host;
    private readonly int batchSize;
    private readonly TimeSpan batchDelay;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private long dropped;
    private volatile bool completing;

    public AuditDispatcher(ITransport transport, string queue, string endpoint, string host, ConsoleReportingSettings settings, TimeProvider time, ILogger logger)
    {
        channel = Channel.CreateBounded<SagaAuditEntry>(new BoundedChannelOptions(Math.Max(1, settings.AuditBufferCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        this.transport = transport;
        this.queue = queue;
        this.endpoint = endpoint;
        this.host = host;
        batchSize = Math.Max(1, settings.AuditBatchSize);
        batchDelay = settings.AuditBatchDelay;
        this.time = time;
        this.logger = logger;
    }

    public long Dropped => Interlocked.Read(ref dropped);

    public void Start() => loop = Task.Run(Drain);

    public void Enqueue(SagaAuditEntry entry)
    {
        if (channel.Writer.TryWrite(entry))
        {
            return;
        }

        var count = Interlocked.Increment(ref dropped);
        if (count == 1 || count % 1000 == 0)
        {
            logger.LogWarning(
                "Endpoint {Endpoint}: the saga audit buffer is full ({Dropped} records dropped so far); the console at {Queue} is not keeping up or unreachable. Raise Monitoring.AuditBufferCapacity or check the queue",
                endpoint, count, queue);
        }
    }

    public async ValueTask DisposeAsync()
    {
        completing = true;
        channel.Writer.TryComplete();
        if (loop is not null)
        {
            try
            {
                await loop.WaitAsync(FlushTimeout);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Endpoint {Endpoint}: saga audit records not sent within {Timeout} at shutdown are dropped", endpoint, FlushTimeout);
                await stopping.CancelAsync();
                await loop;
            }
        }

        stopping.Dispose();
    }

    private async Task Drain()
    {
        var batch = new List<SagaAuditEntry>(batchSize);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stopping.Token))
            {
                batch.Clear();
                Fill(batch);
                if (batch.Count < batchSize && batchDelay > TimeSpan.Zero && !completing)
                {
                    await Task.Delay(batchDelay, time, stopping.Token);
                    Fill(batch);
                }

                await Send(batch);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Fill(List<SagaAuditEntry> batch)
    {
        while (batch.Count < batchSize && channel.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
    }

    private async Task Send(List<SagaAuditEntry> batch)
    {
        try
        {
            await transport.Dispatch([ControlMessages.Create(ControlMessages.SagaAudit, batch, queue, endpoint, host, time.GetUtcNow())], stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // the audit must never fail the endpoint: a batch that cannot be sent is logged and dropped
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref dropped, batch.Count);
            logger.LogWarning(ex, "Endpoint {Endpoint}: could not send {Count} saga audit records to {Queue}; they are dropped", endpoint, batch.Count, queue);
        }
    }
}
