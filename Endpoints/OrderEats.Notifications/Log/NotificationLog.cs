using OrderEats.ServiceDefaults;

namespace OrderEats.Notifications.Log;

/// <summary>Reads the sent-notifications log (its own connection, outside any message): for the demo's invariant check and tools.</summary>
public sealed class NotificationLog
{
    internal NotificationLog(EndpointDatabase database) => Database = database;

    internal EndpointDatabase Database { get; }

    /// <summary>Every notification sent, oldest first.</summary>
    public async Task<IReadOnlyList<SentNotification>> ReadAll(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.Open(cancellationToken);
        await using var command = SqlValues.Command(
            connection, null, $"SELECT order_id, kind, customer_id, sent_at FROM {NotificationSchema.Table} ORDER BY sent_at, order_id, kind");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sent = new List<SentNotification>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sent.Add(new SentNotification(
                SqlValues.ReadGuid(reader.GetValue(0)), reader.GetString(1), SqlValues.ReadGuid(reader.GetValue(2)), SqlValues.ReadTime(reader.GetValue(3))));
        }

        return sent;
    }
}
