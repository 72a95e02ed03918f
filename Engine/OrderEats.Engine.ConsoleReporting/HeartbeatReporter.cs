using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>Sends a heartbeat with the endpoint's metrics and conditions every interval (the first one at start); a failed send is logged and the next one tried on time.</summary>
internal sealed class HeartbeatReporter(
    ITransport transport, string queue, string endpoint, string host, TimeSpan interval, EndpointMetrics metrics, Func<long> auditDropped,
    IReadOnlyList<SagaGraph> sagas, IReadOnlyList<IEndpointCondition> conditions, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly string instanceId = Guid.CreateVersion7().ToString();
    private readonly DateTimeOffset startedAt = time.GetUtcNow();
    private Task? loop;

    public void Start() => loop = Task.Run(Run);

    public async Task SendOne(CancellationToken cancellationToken = default)
    {
        long? depth = null;
        if (transport is IQueueDepth counter)
        {
            try
            {
                depth = await counter.Count(endpoint, cancellationToken);
            }
#pragma warning disable CA1031 // a queue length we cannot read is reported as unknown
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogDebug(ex, "Endpoint {Endpoint}: could not read the queue length for the heartbeat", endpoint);
            }
        }

        var now = time.GetUtcNow();
        var heartbeat = new Heartbeat(endpoint, host, instanceId, startedAt, now, interval.TotalSeconds, metrics.Take(depth), auditDropped(), sagas, [.. conditions.Select(Read)]);
        await transport.Dispatch([ControlMessages.Create(ControlMessages.Heartbeat, heartbeat, queue, endpoint, host, now)], cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        stopping.Dispose();
    }

    private HeartbeatCondition Read(IEndpointCondition condition)
    {
        try
        {
            var report = condition.Report();
            return new HeartbeatCondition(condition.Name, report.Degraded, report.Detail ?? string.Empty);
        }
#pragma warning disable CA1031 // a condition that throws must not cost the heartbeat; the operator sees it as degraded with the reason
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Endpoint {Endpoint}: condition {Condition} could not be read; the heartbeat reports it as degraded", endpoint, condition.Name);
            return new HeartbeatCondition(condition.Name, true, $"could not be read: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task Run()
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await SendOne(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a lost heartbeat is what the console watches for; the endpoint keeps working and tries again next interval
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Endpoint {Endpoint}: could not send a heartbeat to {Queue}; trying again in {Interval}", endpoint, queue, interval);
            }
        }
        while (await Next(timer));
    }

    private async Task<bool> Next(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
