using OrderEats.Engine.Extensibility;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>Measures each message for the heartbeat: processing time, critical time (due → processed, see <see cref="CriticalTime"/>) and whether it failed (each failure is a retry or a move to the error queue).</summary>
internal sealed class ReportedMetricsStep(EndpointMetrics metrics, TimeProvider time) : IIncomingMessageStep
{
    public async Task Invoke(IIncomingMessageContext context, Func<Task> next)
    {
        var started = time.GetTimestamp();
        try
        {
            await next();
        }
        catch
        {
            metrics.Failed();
            throw;
        }

        metrics.Processed(time.GetElapsedTime(started), CriticalTime.Of(context.Message.Headers, time.GetUtcNow()));
    }
}
