-- The Orders service's catalog (restaurants, menu items, customers), orders, their timeline and why rejected requests were refused.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

CREATE TABLE IF NOT EXISTS restaurants (id uuid NOT NULL PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL);

CREATE TABLE IF NOT EXISTS menu_items (id uuid NOT NULL PRIMARY KEY, restaurant_id uuid NOT NULL, name text NOT NULL, price decimal(18,2) NOT NULL, currency text NOT NULL, sort_order int NOT NULL);

CREATE INDEX IF NOT EXISTS ix_menu_items_restaurant ON menu_items (restaurant_id);

CREATE TABLE IF NOT EXISTS customers (id uuid NOT NULL PRIMARY KEY, name text NOT NULL, email text NOT NULL);

CREATE UNIQUE INDEX IF NOT EXISTS ux_customers_email ON customers (email);

CREATE TABLE IF NOT EXISTS orders (id uuid NOT NULL PRIMARY KEY, customer_id uuid NOT NULL, restaurant_id uuid NOT NULL, lines text NOT NULL, total decimal(18,2) NOT NULL, currency text NOT NULL, status text NOT NULL, reason text NULL, placed_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, request_hash text NOT NULL);

CREATE INDEX IF NOT EXISTS ix_orders_customer ON orders (customer_id);

CREATE TABLE IF NOT EXISTS order_timeline (order_id uuid NOT NULL, status text NOT NULL, changed_at timestamptz NOT NULL, reason text NULL, PRIMARY KEY (order_id, status));

CREATE TABLE IF NOT EXISTS order_rejections (order_id uuid NOT NULL PRIMARY KEY, errors text NOT NULL);
