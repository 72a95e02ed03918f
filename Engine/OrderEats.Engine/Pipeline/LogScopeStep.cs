using Microsoft.Extensions.Logging;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Pipeline;

/// <summary>Opens a logging scope with the message id and conversation id around everything the message causes.</summary>
internal sealed class LogScopeStep(ILogger logger) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        using var scope = logger.BeginScope(new LogScopeState(
            new("MessageId", context.MessageId),
            new("ConversationId", context.Headers.GetValueOrDefault(Headers.ConversationId))));
        await next();
    }
}
