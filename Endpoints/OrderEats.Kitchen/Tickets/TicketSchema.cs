using OrderEats.ServiceDefaults;

namespace OrderEats.Kitchen.Tickets;

internal static class TicketSchema
{
    public const string Table = "kitchen_tickets";

    public const string Columns = "order_id, restaurant_id, status, created_at, updated_at";

    // The primary key on order_id makes a second ticket for one order impossible.
    public static IReadOnlyList<string> Statements(EndpointDatabase database) =>
    [
        database.CreateTable(
            Table,
            $"order_id {database.GuidType} NOT NULL PRIMARY KEY, restaurant_id {database.GuidType} NOT NULL, status {database.TextType} NOT NULL, " +
            $"reason {database.TextType} NULL, created_at {database.TimestampType} NOT NULL, updated_at {database.TimestampType} NOT NULL"),
        database.CreateIndex("ix_kitchen_tickets_status", Table, "status"),
    ];
}
