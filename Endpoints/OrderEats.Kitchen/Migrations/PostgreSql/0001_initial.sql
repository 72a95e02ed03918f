-- Kitchen tickets: the primary key on order_id makes a second ticket for one order impossible.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

CREATE TABLE IF NOT EXISTS kitchen_tickets (order_id uuid NOT NULL PRIMARY KEY, restaurant_id uuid NOT NULL, status text NOT NULL, reason text NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);

CREATE INDEX IF NOT EXISTS ix_kitchen_tickets_status ON kitchen_tickets (status);
