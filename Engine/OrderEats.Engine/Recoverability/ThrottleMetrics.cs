using System.Diagnostics.Metrics;

namespace OrderEats.Engine.Recoverability;

/// <summary>Metrics of the consecutive-failure throttle, tagged with the endpoint: whether it is throttled, and the attempts it requeued meanwhile.</summary>
internal static class ThrottleMetrics
{
    public const string MeterName = "OrderEats.Engine";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>1 while the endpoint is throttled, 0 otherwise.</summary>
    public static readonly UpDownCounter<int> Throttled = Meter.CreateUpDownCounter<int>("ordereats.endpoint.throttled", description: "1 while the endpoint runs one message at a time because of consecutive failures");

    /// <summary>Failed attempts requeued without using a retry because the endpoint was throttled.</summary>
    public static readonly Counter<long> Requeued = Meter.CreateCounter<long>("ordereats.endpoint.throttled_requeues", description: "Failed attempts requeued without using a retry while throttled");
}
