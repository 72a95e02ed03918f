-- The payments ledger. UNIQUE(order_id, kind): one charge and one refund per order; UNIQUE(order_id, stage): never both a charge and a decline.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

CREATE TABLE IF NOT EXISTS payments_ledger (id uuid NOT NULL PRIMARY KEY, order_id uuid NOT NULL, kind text NOT NULL, stage text NOT NULL, amount decimal(18,2) NOT NULL, currency text NOT NULL, reason text NULL, at timestamptz NOT NULL, CONSTRAINT uq_payments_ledger_order_kind UNIQUE (order_id, kind));

CREATE UNIQUE INDEX IF NOT EXISTS ux_payments_ledger_order_stage ON payments_ledger (order_id, stage);
