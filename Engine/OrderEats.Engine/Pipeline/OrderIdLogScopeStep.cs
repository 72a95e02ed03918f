using Microsoft.Extensions.Logging;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Pipeline;

/// <summary>After deserialization, adds the message's OrderId (when it has one) to the logging scope and to the current span.</summary>
internal sealed class OrderIdLogScopeStep(ILogger logger) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (OrderIdAccessor.Read(context.Body!) is not { } orderId)
        {
            await next();
            return;
        }

        System.Diagnostics.Activity.Current?.SetTag("ordereats.order_id", orderId);
        using var scope = logger.BeginScope(new LogScopeState(new KeyValuePair<string, object?>("OrderId", orderId)));
        await next();
    }
}
