using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>
/// Polls the shared delayed folder and renames due messages into their queue. Every transport instance runs one;
/// competing pollers are safe because the rename succeeds for exactly one of them.
/// </summary>
internal sealed class DelayedDelivery : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly LearningLayout layout;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly HashSet<string> reported = [];
    private readonly Task loop;

    public DelayedDelivery(LearningLayout layout, TimeProvider time, ILogger logger)
    {
        this.layout = layout;
        this.time = time;
        this.logger = logger;
        loop = Task.Run(Run);
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }

    private async Task Run()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    MoveDueMessages();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning(e, "Delayed delivery from {Folder} failed; retrying in {Interval}", layout.Delayed, Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping.Token));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void MoveDueMessages()
    {
        var now = time.GetUtcNow();
        foreach (var file in MessageFile.List(layout.Delayed))
        {
            var name = Path.GetFileName(file);
            if (!MessageFile.TryGetDue(name, out var due))
            {
                ReportOnce(name, "its name does not start with the due time");
                continue;
            }

            if (due > now)
            {
                return;
            }

            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            var envelope = LearningEnvelope.TryParse(content, out var error);
            if (envelope?.Destination is not { } destination || !Directory.Exists(SafeQueuePath(destination)))
            {
                ReportOnce(name, error ?? $"its destination queue '{envelope?.Destination}' does not exist");
                continue;
            }

            try
            {
                File.Move(file, Path.Combine(layout.Queue(destination), MessageFile.NextName(time)), overwrite: true);
                logger.LogDebug("Delivered delayed message {MessageId} to {Queue}", envelope.Id, destination);
            }
            catch (FileNotFoundException)
            {
                // Another poller delivered it.
            }
        }
    }

    private string SafeQueuePath(string queue)
    {
        try
        {
            return layout.Queue(queue);
        }
        catch (ArgumentException)
        {
            return Path.Combine(layout.Root, ".invalid", Guid.NewGuid().ToString("N"));
        }
    }

    private void ReportOnce(string fileName, string reason)
    {
        if (reported.Add(fileName))
        {
            logger.LogWarning(
                "Delayed message file {File} in {Folder} cannot be delivered: {Reason}. Other delayed messages go on; create the destination queue or move the file by hand",
                fileName, layout.Delayed, reason);
        }
    }
}
