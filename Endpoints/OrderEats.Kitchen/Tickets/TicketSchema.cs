using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Kitchen.Tickets;

/// <summary>The kitchen tickets' table and its versioned migrations (Migrations/&lt;Dialect&gt;/*.sql in this assembly).</summary>
public static class TicketSchema
{
    internal const string Table = "kitchen_tickets";

    internal const string Columns = "order_id AS OrderId, restaurant_id AS RestaurantId, status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>The migrations of the Kitchen database's business tables, journaled as "kitchen".</summary>
    public static BusinessMigrations Migrations { get; } = new("kitchen", typeof(TicketSchema).Assembly);
}
