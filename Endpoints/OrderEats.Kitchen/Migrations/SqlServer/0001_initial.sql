-- Kitchen tickets: the primary key on order_id makes a second ticket for one order impossible.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

IF OBJECT_ID(N'kitchen_tickets', N'U') IS NULL CREATE TABLE kitchen_tickets (order_id uniqueidentifier NOT NULL PRIMARY KEY, restaurant_id uniqueidentifier NOT NULL, status nvarchar(400) NOT NULL, reason nvarchar(400) NULL, created_at datetimeoffset NOT NULL, updated_at datetimeoffset NOT NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_kitchen_tickets_status') CREATE INDEX ix_kitchen_tickets_status ON kitchen_tickets (status)
GO
