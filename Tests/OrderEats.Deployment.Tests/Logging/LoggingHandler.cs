using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Messages.Replies;

namespace OrderEats.Deployment.Tests.Logging;

/// <summary>Logs one line per message, as any handler would, and signals.</summary>
public sealed class LoggingHandler(ILogger<LoggingHandler> logger, TaskCompletionSource handled) : IHandleMessages<PaymentCharged>
{
    public Task Handle(PaymentCharged message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        logger.LogInformation("Handling a charge");
        handled.TrySetResult();
        return Task.CompletedTask;
    }
}
