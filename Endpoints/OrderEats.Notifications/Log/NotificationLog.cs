using Dapper;
using OrderEats.ServiceDefaults;

namespace OrderEats.Notifications.Log;

/// <summary>Reads the sent-notifications log (its own connection, outside any message): for the demo's invariant check and tools.</summary>
public sealed class NotificationLog
{
    private readonly EndpointDatabase database;

    internal NotificationLog(EndpointDatabase database) => this.database = database;

    /// <summary>Every notification sent, oldest first.</summary>
    public async Task<IReadOnlyList<SentNotification>> ReadAll(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var sent = await connection.QueryAsync<SentNotification>(SqlValues.Command(
            $"SELECT order_id AS OrderId, kind AS Kind, customer_id AS CustomerId, sent_at AS SentAt FROM {NotificationSchema.Table} ORDER BY sent_at, order_id, kind",
            null,
            null,
            cancellationToken));
        return [.. sent];
    }
}
