using System.Globalization;
using OrderEats.Engine.Pipeline;

namespace OrderEats.Engine.Monitoring;

/// <summary>Measures each message: processing time, critical time (sent → processed) and whether it failed (each failure is a retry or a move to the error queue).</summary>
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

        var sent = DateTimeOffset.TryParse(context.Headers.GetValueOrDefault(Headers.TimeSent), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : (DateTimeOffset?)null;
        metrics.Processed(time.GetElapsedTime(started), sent is { } value ? time.GetUtcNow() - value : null);
    }
}
