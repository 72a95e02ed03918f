namespace OrderEats.Engine;

/// <summary>The names under which the engine reports traces and metrics (System.Diagnostics only; register them with any telemetry SDK).</summary>
public static class EngineTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: spans for send, publish, receive, handler and saga steps.</summary>
    public const string ActivitySourceName = "OrderEats.Engine";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: processed, failed, retried, processing time and critical time.</summary>
    public const string MeterName = "OrderEats.Engine";
}
