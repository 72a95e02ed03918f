using OrderEats.Engine.Pipeline;

namespace OrderEats.Engine.Monitoring;

/// <summary>Measures each message: processing time, critical time (due → processed, see <see cref="CriticalTime"/>) and whether it failed (each failure is a retry or a move to the error queue).</summary>
internal sealed class MetricsStep(EndpointMetrics metrics, TimeProvider time) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
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

        metrics.Processed(time.GetElapsedTime(started), CriticalTime.Of(context.Headers, time.GetUtcNow()));
    }
}
