using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>
/// Consumes one queue folder: claims message files by renaming them into its in-flight folder, hands them to the callback
/// (at most MaxConcurrency at once), then deletes (Ack) or renames them back (Requeue).
/// </summary>
internal sealed class LearningReceiver : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(5);

    private readonly ReceiveSettings settings;
    private readonly OnMessage onMessage;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly string queuePath;
    private readonly InFlightOwner owner;
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly FileSystemWatcher? watcher;
    private readonly Task loop;
    private int disposed;

    public LearningReceiver(string queuePath, ReceiveSettings settings, OnMessage onMessage, TimeProvider time, ILogger logger)
    {
        this.queuePath = queuePath;
        this.time = time;
        this.settings = settings;
        this.onMessage = onMessage;
        this.logger = logger;
        slots = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        owner = InFlightOwner.Acquire(queuePath);
        OrphanRecovery.Run(queuePath, owner.Id, logger);
        watcher = StartWatcher();
        loop = Task.Run(Run);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await loop;
        for (var i = 0; i < settings.MaxConcurrency; i++)
        {
            // Holding every slot means no callback is in flight.
            await slots.WaitAsync(CancellationToken.None);
        }

        watcher?.Dispose();
        owner.Dispose();
        stopping.Dispose();
        slots.Dispose();
        wake.Dispose();
    }

    private async Task Run()
    {
        var nextRecovery = time.GetUtcNow() + RecoveryInterval;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextRecovery)
                {
                    OrphanRecovery.Run(queuePath, owner.Id, logger);
                    nextRecovery = time.GetUtcNow() + RecoveryInterval;
                }

                if (!await ClaimAvailable())
                {
                    await wake.WaitAsync(PollInterval, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "The learning transport stopped receiving from {Queue}. Restart the endpoint", settings.Queue);
        }
    }

    private async Task<bool> ClaimAvailable()
    {
        List<string> files;
        try
        {
            files = MessageFile.List(queuePath);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not list queue folder {Folder}; retrying", queuePath);
            return false;
        }

        var claimedAny = false;
        foreach (var file in files)
        {
            await slots.WaitAsync(stopping.Token);
            var claimed = stopping.IsCancellationRequested ? null : owner.TryClaim(file);
            if (claimed is null)
            {
                slots.Release();
                continue;
            }

            claimedAny = true;
            _ = Task.Run(() => Process(claimed));
        }

        return claimedAny;
    }

    private async Task Process(string claimedFile)
    {
        try
        {
            var message = Read(await File.ReadAllBytesAsync(claimedFile));
            ReceiveResult result;
            try
            {
                result = await onMessage(message, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Processing message {MessageId} from {Queue} threw; it goes back to the queue", message.MessageId, settings.Queue);
                result = ReceiveResult.Requeue;
            }

            if (result == ReceiveResult.Ack)
            {
                File.Delete(claimedFile);
            }
            else
            {
                owner.Requeue(claimedFile);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Could not finish message file {File} of {Queue}; it returns to the queue when this receiver stops", claimedFile, settings.Queue);
        }
        finally
        {
            slots.Release();
        }
    }

    private static IncomingMessage Read(byte[] content)
    {
        var envelope = LearningEnvelope.TryParse(content, out var error);
        return envelope is null
            ? new IncomingMessage(Guid.NewGuid().ToString(), [], content, error)
            : new IncomingMessage(envelope.Id, envelope.Headers, envelope.Body);
    }

    private FileSystemWatcher? StartWatcher()
    {
        try
        {
            var fileWatcher = new FileSystemWatcher(queuePath, MessageFile.Pattern) { NotifyFilter = NotifyFilters.FileName, IncludeSubdirectories = false };
            fileWatcher.Created += (_, _) => Wake();
            fileWatcher.Renamed += (_, _) => Wake();
            fileWatcher.EnableRaisingEvents = true;
            return fileWatcher;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            // E.g. the inotify instance limit: polling still finds every message, only later.
            logger.LogInformation(e, "Watching {Folder} failed; the learning transport polls it every {Interval}", queuePath, PollInterval);
            return null;
        }
    }

    private void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }
}
