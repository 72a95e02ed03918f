using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;

namespace OrderEats.ServiceDefaults.Telemetry;

/// <summary>
/// Samples each endpoint's queue depth where the transport can count it (<see cref="IQueueDepth"/>) and reports it as the gauge
/// ordereats.messaging.queue_depth. Counting is I/O (a passive declare on RabbitMQ), so it runs on a timer, not in the metric callback.
/// </summary>
internal sealed class QueueDepthSampler : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly IReadOnlyList<StartedEndpoint> endpoints;
    private readonly ILogger<QueueDepthSampler> logger;
    private readonly ConcurrentDictionary<string, long> depths = new(StringComparer.Ordinal);
    private readonly Meter meter = new(EngineTelemetry.MeterName);

    public QueueDepthSampler(IEnumerable<StartedEndpoint> endpoints, ILogger<QueueDepthSampler> logger)
    {
        this.endpoints = [.. endpoints];
        this.logger = logger;
        meter.CreateObservableGauge(
            "ordereats.messaging.queue_depth",
            () => depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("messaging.destination.name", d.Key))),
            "{message}",
            "Messages ready in the endpoint's queue, sampled every 15 s (transports that can count only).");
    }

    public override void Dispose()
    {
        meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                foreach (var endpoint in endpoints)
                {
                    await Sample(await endpoint.WhenStarted(stoppingToken), stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Sample(EndpointInstance endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.Transport is not IQueueDepth counter)
        {
            return;
        }

        try
        {
            depths[endpoint.EndpointName] = await counter.Count(endpoint.EndpointName, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not count queue {Queue}; the queue-depth gauge keeps its last value", endpoint.EndpointName);
        }
    }
}
