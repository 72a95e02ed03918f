using Dapper;
using OrderEats.ServiceDefaults;
using OrderEats.Engine;
using OrderEats.Notifications.Channel;
using OrderEats.Notifications.Log;

namespace OrderEats.Notifications.Handlers;

// Sends one notification once. The log row is written first, in the event's transaction, then the channel is called: a channel failure rolls
// the row back (retry), and a concurrent duplicate blocks on the row's key and fails before it reaches the channel. Only a crash between the
// delivery and the commit can repeat a delivery: the channel is outside the transaction.
internal sealed class NotificationSender(SimulatedNotificationChannel channel, ILogger<NotificationSender> logger, TimeProvider time)
{
    public async Task Send(Notification notification, IMessageHandlerContext context)
    {
        var cancellationToken = context.CancellationToken;
        var storage = context.Storage;
        // One statement both checks and records: no row written means this notification was sent before.
        var recorded = await storage.Connection.ExecuteAsync(DapperSql.Command(
            $"INSERT INTO {NotificationSchema.Table} (order_id, kind, customer_id, sent_at) SELECT @OrderId, @Kind, @CustomerId, @at " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {NotificationSchema.Table} WHERE order_id = @OrderId AND kind = @Kind)",
            new { notification.OrderId, notification.Kind, notification.CustomerId, at = time.GetUtcNow() },
            storage.Transaction,
            cancellationToken));
        if (recorded == 0)
        {
            logger.LogInformation(
                "Customer {CustomerId} was already notified about order {OrderId} ({Kind}); message {MessageId} sends nothing",
                notification.CustomerId, notification.OrderId, notification.Kind, context.MessageId);
            return;
        }

        await channel.Deliver(notification, cancellationToken);
    }
}
