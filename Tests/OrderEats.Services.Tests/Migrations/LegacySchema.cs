namespace OrderEats.Services.Tests.Migrations;

// "A database created by today's code": the CREATE statements the services ran at startup before versioned migrations (copied from the
// code of f77efac, not generated, so they cannot drift with the scripts) and a few rows in the time format that code wrote. Times have
// microsecond precision, which is what timestamptz keeps.
internal static class LegacySchema
{
    public const string PostgreSql = """
        CREATE TABLE IF NOT EXISTS payments_ledger (id uuid NOT NULL PRIMARY KEY, order_id uuid NOT NULL, kind text NOT NULL, stage text NOT NULL, amount decimal(18,2) NOT NULL, currency text NOT NULL, reason text NULL, at timestamptz NOT NULL, CONSTRAINT uq_payments_ledger_order_kind UNIQUE (order_id, kind));
        DO $oe_index$ BEGIN IF to_regclass('ux_payments_ledger_order_stage') IS NULL THEN CREATE UNIQUE INDEX IF NOT EXISTS ux_payments_ledger_order_stage ON payments_ledger (order_id, stage); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS kitchen_tickets (order_id uuid NOT NULL PRIMARY KEY, restaurant_id uuid NOT NULL, status text NOT NULL, reason text NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
        DO $oe_index$ BEGIN IF to_regclass('ix_kitchen_tickets_status') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_kitchen_tickets_status ON kitchen_tickets (status); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS notifications_sent (order_id uuid NOT NULL, kind text NOT NULL, customer_id uuid NOT NULL, sent_at timestamptz NOT NULL, CONSTRAINT pk_notifications_sent PRIMARY KEY (order_id, kind));
        INSERT INTO payments_ledger VALUES ('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000a1', 'charge', 'payment', 12.50, 'EUR', NULL, '2026-01-02T03:04:05.1234560+00:00');
        INSERT INTO kitchen_tickets VALUES ('0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000b1', 'Ready', NULL, '2026-01-02T03:04:05.1234560+00:00', '2026-01-02T03:09:00.0000010+00:00');
        INSERT INTO notifications_sent VALUES ('0190a000-0000-7000-8000-0000000000a1', 'OrderConfirmed', '0190a000-0000-7000-8000-0000000000c1', '2026-01-02T03:04:05.1234560+00:00');
        """;

    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS payments_ledger (id text NOT NULL PRIMARY KEY, order_id text NOT NULL, kind text NOT NULL, stage text NOT NULL, amount numeric NOT NULL, currency text NOT NULL, reason text NULL, at text NOT NULL, CONSTRAINT uq_payments_ledger_order_kind UNIQUE (order_id, kind));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_payments_ledger_order_stage ON payments_ledger (order_id, stage);
        CREATE TABLE IF NOT EXISTS kitchen_tickets (order_id text NOT NULL PRIMARY KEY, restaurant_id text NOT NULL, status text NOT NULL, reason text NULL, created_at text NOT NULL, updated_at text NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_kitchen_tickets_status ON kitchen_tickets (status);
        CREATE TABLE IF NOT EXISTS notifications_sent (order_id text NOT NULL, kind text NOT NULL, customer_id text NOT NULL, sent_at text NOT NULL, CONSTRAINT pk_notifications_sent PRIMARY KEY (order_id, kind));
        INSERT INTO payments_ledger VALUES ('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000a1', 'charge', 'payment', '12.50', 'EUR', NULL, '2026-01-02T03:04:05.1234560+00:00');
        INSERT INTO kitchen_tickets VALUES ('0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000b1', 'Ready', NULL, '2026-01-02T03:04:05.1234560+00:00', '2026-01-02T03:09:00.0000010+00:00');
        INSERT INTO notifications_sent VALUES ('0190a000-0000-7000-8000-0000000000a1', 'OrderConfirmed', '0190a000-0000-7000-8000-0000000000c1', '2026-01-02T03:04:05.1234560+00:00');
        """;

    public static readonly Guid OrderId = Guid.Parse("0190a000-0000-7000-8000-0000000000a1");

    public static readonly DateTimeOffset ChargedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560);

    public static readonly DateTimeOffset ReadyAt = new DateTimeOffset(2026, 1, 2, 3, 9, 0, TimeSpan.Zero).AddTicks(10);
}
