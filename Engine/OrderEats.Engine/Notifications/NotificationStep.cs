using Microsoft.Extensions.Logging;
using OrderEats.Engine.Pipeline;

namespace OrderEats.Engine.Notifications;

/// <summary>Tells the <see cref="EndpointNotifications.OnMessageProcessed"/> callbacks once the rest of the pipeline (commit and dispatch included) succeeded.</summary>
internal sealed class NotificationStep(EndpointNotifications notifications, string endpoint, ILogger logger) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        await next();
        if (notifications.ObservesProcessed)
        {
            await notifications.Processed(new ProcessedMessage(endpoint, context.MessageId, context.Headers, context.Body), logger, context.CancellationToken);
        }
    }
}
