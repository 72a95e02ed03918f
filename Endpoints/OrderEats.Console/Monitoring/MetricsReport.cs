namespace OrderEats.Console.Monitoring;

/// <summary>What one instance processed between two heartbeats.</summary>
public sealed record MetricsReport(
    DateTimeOffset From,
    DateTimeOffset To,
    long Processed,
    long Failed,
    double ProcessingMsAverage,
    double ProcessingMsMax,
    double CriticalMsAverage,
    double CriticalMsMax,
    long? QueueLength);
