using System.Diagnostics.Metrics;

namespace OrderEats.Engine.Telemetry;

/// <summary>The engine's instruments. Tags: messaging.destination.name (the endpoint) and ordereats.message_type.</summary>
internal static class EngineMetrics
{
    public const string EndpointTag = "messaging.destination.name";
    public const string MessageTypeTag = "ordereats.message_type";
    public const string RetryKindTag = "ordereats.retry_kind";

    private static readonly Meter Meter = new(EngineTelemetry.MeterName);

    public static readonly Counter<long> Processed = Meter.CreateCounter<long>("ordereats.messaging.processed", "{message}", "Messages whose handlers completed and whose unit of work committed.");

    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("ordereats.messaging.failed", "{attempt}", "Processing attempts that threw (each attempt counts; recoverability decides what follows).");

    public static readonly Counter<long> Retried = Meter.CreateCounter<long>("ordereats.messaging.retried", "{retry}", "Retries scheduled by recoverability, tagged immediate or delayed.");

    public static readonly Counter<long> MovedToError = Meter.CreateCounter<long>("ordereats.messaging.moved_to_error", "{message}", "Messages moved to the error queue.");

    public static readonly Histogram<double> ProcessingTime = Meter.CreateHistogram<double>("ordereats.messaging.processing_time", "s", "Time from the start of the pipeline to its end, successful attempts only.");

    public static readonly Histogram<double> CriticalTime = Meter.CreateHistogram<double>("ordereats.messaging.critical_time", "s", "Time from when the message was sent (TimeSent header) until it was processed.");

    public static bool Enabled => Processed.Enabled || Failed.Enabled || ProcessingTime.Enabled || CriticalTime.Enabled;

    /// <summary>The most specific contract name from the enclosed-types header (the header lists the whole hierarchy).</summary>
    public static string MessageType(string? enclosedTypes)
    {
        if (string.IsNullOrEmpty(enclosedTypes))
        {
            return "unknown";
        }

        var end = enclosedTypes.IndexOf(';', StringComparison.Ordinal);
        return end < 0 ? enclosedTypes : enclosedTypes[..end];
    }
}
