using OrderEats.ServiceDefaults;

namespace OrderEats.Notifications.Log;

/// <summary>Reads the sent-notifications log (its own connection, outside any message): for the demo's invariant check and tools.</summary>
public sealed class NotificationLog
{
    private readonly EndpointDatabase database;

    internal NotificationLog(EndpointDatabase database) => this.database = database;

    /// <summary>Every notification sent, oldest first.</summary>
    public Task<IReadOnlyList<SentNotification>> ReadAll(CancellationToken cancellationToken = default) => database.Query<SentNotification>(
        $"SELECT order_id AS OrderId, kind AS Kind, customer_id AS CustomerId, sent_at AS SentAt FROM {NotificationSchema.Table} ORDER BY sent_at, order_id, kind",
        cancellationToken: cancellationToken);
}
