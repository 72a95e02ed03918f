namespace OrderEats.Console.Monitoring;

/// <summary>An instance's metrics over the last <see cref="Minutes"/> minutes.</summary>
public sealed record MetricsWindow(
    int Minutes, long Processed, long Retries, double ThroughputPerSecond, double ProcessingMsAverage, double ProcessingMsMax, double CriticalMsAverage, double CriticalMsMax,
    long? QueueLength)
{
    public static readonly int[] Windows = [1, 5, 15, 60];

    /// <summary>Sums the heartbeats whose interval ended within the window; averages are weighted by messages processed.</summary>
    public static MetricsWindow Over(IReadOnlyList<MetricsReport> history, DateTimeOffset now, int minutes)
    {
        ArgumentNullException.ThrowIfNull(history);
        var from = now - TimeSpan.FromMinutes(minutes);
        var reports = history.Where(m => m.To > from).ToList();
        var processed = reports.Sum(m => m.Processed);
        var withCritical = reports.Where(m => m.CriticalMsAverage > 0).ToList();
        var criticalCount = withCritical.Sum(m => m.Processed);
        var seconds = reports.Count == 0 ? minutes * 60.0 : Math.Max(1, Math.Min(minutes * 60.0, (now - reports.Min(m => m.From)).TotalSeconds));
        return new MetricsWindow(
            minutes,
            processed,
            reports.Sum(m => m.Failed),
            processed / seconds,
            processed == 0 ? 0 : reports.Sum(m => m.ProcessingMsAverage * m.Processed) / processed,
            reports.Count == 0 ? 0 : reports.Max(m => m.ProcessingMsMax),
            criticalCount == 0 ? 0 : withCritical.Sum(m => m.CriticalMsAverage * m.Processed) / criticalCount,
            reports.Count == 0 ? 0 : reports.Max(m => m.CriticalMsMax),
            reports.LastOrDefault()?.QueueLength);
    }
}
