using System.Diagnostics;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Pipeline;

/// <summary>Records processed and failed attempts, processing time and critical time. Costs one check when no one listens to the meter.</summary>
internal sealed class MetricsStep(string endpointName, TimeProvider time) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (!EngineMetrics.Enabled)
        {
            await next();
            return;
        }

        var tags = new TagList
        {
            { EngineMetrics.EndpointTag, endpointName },
            { EngineMetrics.MessageTypeTag, EngineMetrics.MessageType(context.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes)) },
        };
        var started = time.GetTimestamp();
        try
        {
            await next();
        }
        catch
        {
            EngineMetrics.Failed.Add(1, tags);
            throw;
        }

        EngineMetrics.Processed.Add(1, tags);
        EngineMetrics.ProcessingTime.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        if (Telemetry.CriticalTime.Of(context.Headers, time.GetUtcNow()) is { } critical)
        {
            EngineMetrics.CriticalTime.Record(critical.TotalSeconds, tags);
        }
    }
}
