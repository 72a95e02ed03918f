namespace OrderEats.Engine.ConsoleReporting;

/// <summary>Counts processed and failed messages with their processing and critical times; each heartbeat takes and resets the counts.</summary>
internal sealed class EndpointMetrics(TimeProvider time)
{
    private readonly Lock gate = new();
    private DateTimeOffset since = time.GetUtcNow();
    private long processed;
    private long failed;
    private double processingSum;
    private double processingMax;
    private double criticalSum;
    private double criticalMax;
    private long criticalCount;

    public void Processed(TimeSpan processing, TimeSpan? critical)
    {
        lock (gate)
        {
            processed++;
            Add(processing);
            if (critical is { } value)
            {
                criticalCount++;
                criticalSum += value.TotalMilliseconds;
                criticalMax = Math.Max(criticalMax, value.TotalMilliseconds);
            }
        }
    }

    public void Failed()
    {
        lock (gate)
        {
            failed++;
        }
    }

    public MetricsSnapshot Take(long? queueLength)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var snapshot = new MetricsSnapshot(
                since, now, processed, failed,
                processed == 0 ? 0 : processingSum / processed, processingMax,
                criticalCount == 0 ? 0 : criticalSum / criticalCount, criticalMax,
                queueLength);
            since = now;
            processed = failed = criticalCount = 0;
            processingSum = processingMax = criticalSum = criticalMax = 0;
            return snapshot;
        }
    }

    private void Add(TimeSpan processing)
    {
        processingSum += processing.TotalMilliseconds;
        processingMax = Math.Max(processingMax, processing.TotalMilliseconds);
    }
}
