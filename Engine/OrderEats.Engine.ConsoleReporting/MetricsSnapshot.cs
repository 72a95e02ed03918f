namespace OrderEats.Engine.ConsoleReporting;

/// <summary>What an endpoint instance processed since its previous heartbeat.</summary>
internal sealed record MetricsSnapshot(
    DateTimeOffset From,
    DateTimeOffset To,
    long Processed,
    long Failed,
    double ProcessingMsAverage,
    double ProcessingMsMax,
    double CriticalMsAverage,
    double CriticalMsMax,
    long? QueueLength);
