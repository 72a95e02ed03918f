using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Payments.Ledger;

/// <summary>The payments ledger's table and its versioned migrations (Migrations/&lt;Dialect&gt;/*.sql in this assembly).</summary>
public static class LedgerSchema
{
    internal const string Table = "payments_ledger";

    /// <summary>The migrations of the Payments database's business tables, journaled as "payments".</summary>
    public static BusinessMigrations Migrations { get; } = new("payments", typeof(LedgerSchema).Assembly);
}
