using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

// Runs the declaration of shared infrastructure; when the broker refuses it (403: this account may not create it), logs what is missing
// and tries again every RecoveryInterval until the account that owns it has created it.
internal static class SharedTopology
{
    public static async Task Ensure(string what, Func<Task> declare, RabbitMqOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await declare();
                return;
            }
            catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 403)
            {
                logger.LogWarning(
                    "This endpoint's RabbitMQ account may not create {What} ({Reason}); waiting for the account that owns it (the console's, or the broker setup) to create it. Attempt {Attempt}, next in {RecoveryInterval}",
                    what, ex.ShutdownReason?.ReplyText, attempt, options.RecoveryInterval);
                await Task.Delay(options.RecoveryInterval, cancellationToken);
            }
        }
    }
}
