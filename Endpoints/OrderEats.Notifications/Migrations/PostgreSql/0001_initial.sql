-- Notifications sent: the primary key (order_id, kind) makes a second notification of one kind for one order impossible to record.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

CREATE TABLE IF NOT EXISTS notifications_sent (order_id uuid NOT NULL, kind text NOT NULL, customer_id uuid NOT NULL, sent_at timestamptz NOT NULL, CONSTRAINT pk_notifications_sent PRIMARY KEY (order_id, kind));
