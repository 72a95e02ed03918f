using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Orders.Data;

/// <summary>The business tables of the Orders database: versioned migrations (Migrations/&lt;Dialect&gt;/*.sql in this assembly), run with the engine's schema at endpoint start.</summary>
public static class OrdersSchema
{
    /// <summary>The migrations of the Orders database's business tables, journaled as "orders".</summary>
    public static BusinessMigrations Migrations { get; } = new("orders", typeof(OrdersSchema).Assembly);
}
