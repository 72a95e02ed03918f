using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderEats.Console.Monitoring;

/// <summary>Every few seconds marks instances without a heartbeat for the grace period as dead (event log, webhook), and purges expired completed sagas.</summary>
internal sealed class HeartbeatMonitor(
    EndpointRegistry registry, MonitoringIngestion ingestion, SagaStore sagas, MonitoringOptions options, TimeProvider time, ILogger<HeartbeatMonitor> logger)
    : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    public async Task Check(CancellationToken cancellationToken = default) =>
        await ingestion.Record(registry.CheckLost(time.GetUtcNow(), options.HeartbeatGrace), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatCheck, time);
        var lastPurge = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await Check(stoppingToken);
                    if (time.GetUtcNow() - lastPurge > PurgeEvery)
                    {
                        lastPurge = time.GetUtcNow();
                        var purged = await sagas.Purge(lastPurge, stoppingToken);
                        logger.LogDebug("Purged {Count} completed sagas older than {Retention}", purged, options.SagaRetention);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Heartbeat check or saga purge failed; trying again in {Interval}", options.HeartbeatCheck);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
