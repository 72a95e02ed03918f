-- Notifications sent: the primary key (order_id, kind) makes a second notification of one kind for one order impossible to record.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

IF OBJECT_ID(N'notifications_sent', N'U') IS NULL CREATE TABLE notifications_sent (order_id uniqueidentifier NOT NULL, kind nvarchar(400) NOT NULL, customer_id uniqueidentifier NOT NULL, sent_at datetimeoffset NOT NULL, CONSTRAINT pk_notifications_sent PRIMARY KEY (order_id, kind))
GO
