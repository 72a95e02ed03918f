-- The Orders service's catalog (restaurants, menu items, customers), orders, their timeline and why rejected requests were refused.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

IF OBJECT_ID(N'restaurants', N'U') IS NULL CREATE TABLE restaurants (id uniqueidentifier NOT NULL PRIMARY KEY, name nvarchar(400) NOT NULL, created_at datetimeoffset NOT NULL)
GO

IF OBJECT_ID(N'menu_items', N'U') IS NULL CREATE TABLE menu_items (id uniqueidentifier NOT NULL PRIMARY KEY, restaurant_id uniqueidentifier NOT NULL, name nvarchar(400) NOT NULL, price decimal(18,2) NOT NULL, currency nvarchar(400) NOT NULL, sort_order int NOT NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_menu_items_restaurant') CREATE INDEX ix_menu_items_restaurant ON menu_items (restaurant_id)
GO

IF OBJECT_ID(N'customers', N'U') IS NULL CREATE TABLE customers (id uniqueidentifier NOT NULL PRIMARY KEY, name nvarchar(400) NOT NULL, email nvarchar(400) NOT NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_customers_email') CREATE UNIQUE INDEX ux_customers_email ON customers (email)
GO

IF OBJECT_ID(N'orders', N'U') IS NULL CREATE TABLE orders (id uniqueidentifier NOT NULL PRIMARY KEY, customer_id uniqueidentifier NOT NULL, restaurant_id uniqueidentifier NOT NULL, lines nvarchar(max) NOT NULL, total decimal(18,2) NOT NULL, currency nvarchar(400) NOT NULL, status nvarchar(400) NOT NULL, reason nvarchar(max) NULL, placed_at datetimeoffset NOT NULL, updated_at datetimeoffset NOT NULL, request_hash nvarchar(400) NOT NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_orders_customer') CREATE INDEX ix_orders_customer ON orders (customer_id)
GO

IF OBJECT_ID(N'order_timeline', N'U') IS NULL CREATE TABLE order_timeline (order_id uniqueidentifier NOT NULL, status nvarchar(400) NOT NULL, changed_at datetimeoffset NOT NULL, reason nvarchar(max) NULL, PRIMARY KEY (order_id, status))
GO

IF OBJECT_ID(N'order_rejections', N'U') IS NULL CREATE TABLE order_rejections (order_id uniqueidentifier NOT NULL PRIMARY KEY, errors nvarchar(max) NOT NULL)
GO
