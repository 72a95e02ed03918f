using OrderEats.ServiceDefaults;

namespace OrderEats.Payments.Ledger;

internal static class LedgerSchema
{
    public const string Table = "payments_ledger";

    // UNIQUE(order_id, kind): one charge and one refund per order. UNIQUE(order_id, stage): a charge and a decline can never both be recorded,
    // even when two ChargePayment messages for one order race on a database that does not serialize them (PostgreSQL read committed).
    public static IReadOnlyList<string> Statements(EndpointDatabase database) =>
    [
        database.CreateTable(
            Table,
            $"id {database.GuidType} NOT NULL PRIMARY KEY, order_id {database.GuidType} NOT NULL, kind {database.TextType} NOT NULL, " +
            $"stage {database.TextType} NOT NULL, amount {database.MoneyType} NOT NULL, currency {database.TextType} NOT NULL, " +
            $"reason {database.TextType} NULL, at {database.TimestampType} NOT NULL, " +
            "CONSTRAINT uq_payments_ledger_order_kind UNIQUE (order_id, kind)"),
        database.CreateIndex("ux_payments_ledger_order_stage", Table, "order_id, stage", unique: true),
    ];
}
