-- The payments ledger. UNIQUE(order_id, kind): one charge and one refund per order; UNIQUE(order_id, stage): never both a charge and a decline.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

IF OBJECT_ID(N'payments_ledger', N'U') IS NULL CREATE TABLE payments_ledger (id uniqueidentifier NOT NULL PRIMARY KEY, order_id uniqueidentifier NOT NULL, kind nvarchar(400) NOT NULL, stage nvarchar(400) NOT NULL, amount decimal(18,2) NOT NULL, currency nvarchar(400) NOT NULL, reason nvarchar(400) NULL, at datetimeoffset NOT NULL, CONSTRAINT uq_payments_ledger_order_kind UNIQUE (order_id, kind))
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_payments_ledger_order_stage') CREATE UNIQUE INDEX ux_payments_ledger_order_stage ON payments_ledger (order_id, stage)
GO
