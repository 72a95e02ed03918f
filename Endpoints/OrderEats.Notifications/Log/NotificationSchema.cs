using OrderEats.ServiceDefaults;

namespace OrderEats.Notifications.Log;

internal static class NotificationSchema
{
    public const string Table = "notifications_sent";

    // The primary key (order_id, kind) makes a second notification of one kind for one order impossible to record.
    public static IReadOnlyList<string> Statements(EndpointDatabase database) =>
    [
        database.CreateTable(
            Table,
            $"order_id {database.GuidType} NOT NULL, kind {database.TextType} NOT NULL, customer_id {database.GuidType} NOT NULL, " +
            $"sent_at {database.TimestampType} NOT NULL, CONSTRAINT pk_notifications_sent PRIMARY KEY (order_id, kind)"),
    ];
}
