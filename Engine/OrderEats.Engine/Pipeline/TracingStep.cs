using System.Diagnostics;

namespace OrderEats.Engine.Pipeline;

/// <summary>Starts a consumer span as a child of the sender's trace context, so one order is one trace across endpoints.</summary>
internal sealed class TracingStep(string endpointName) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        ActivityContext.TryParse(
            context.Headers.GetValueOrDefault(Headers.TraceParent),
            context.Headers.GetValueOrDefault(Headers.TraceState),
            out var parent);
        using var activity = EngineDiagnostics.ActivitySource.StartActivity($"{endpointName} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.message.id", context.MessageId);
        activity?.SetTag("messaging.destination.name", endpointName);
        activity?.SetTag("messaging.message.conversation_id", context.Headers.GetValueOrDefault(Headers.ConversationId));
        activity?.SetTag("ordereats.message_types", context.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes));
        try
        {
            await next();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}
