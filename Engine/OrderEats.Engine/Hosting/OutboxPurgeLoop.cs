using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Hosting;

/// <summary>Deletes dispatched outbox records older than the retention, once at start and then every hour, until the endpoint stops.</summary>
internal sealed class OutboxPurgeLoop(IOutboxStorage outbox, string endpointName, TimeSpan retention, TimeProvider time, ILogger logger)
{
    public async Task Run(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var purged = await outbox.Purge(time.GetUtcNow() - retention, stopping);
                logger.LogDebug("Endpoint {Endpoint}: purged {Count} dispatched outbox records", endpointName, purged);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed purge is retried next hour; it must not stop the endpoint
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Endpoint {Endpoint}: outbox purge failed; retrying in an hour", endpointName);
            }
        }
        while (await WaitNext(timer, stopping));
    }

    private static async Task<bool> WaitNext(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
