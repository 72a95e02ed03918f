-- One SQL Server login per OrderEats service, owning only its own database ordereats_<service> (docs/production.md, "SQL Server logins").
-- Run by start.sh with sqlcmd as sa; the passwords come from the environment as sqlcmd variables (ORDERS_SQLSERVER_PASSWORD, …; they must
-- not contain a single quote). Idempotent: run again to change a password.
SET NOCOUNT ON;
:on error exit

IF SUSER_ID(N'orders') IS NULL CREATE LOGIN [orders] WITH PASSWORD = N'$(ORDERS_SQLSERVER_PASSWORD)', CHECK_POLICY = ON;
ELSE ALTER LOGIN [orders] WITH PASSWORD = N'$(ORDERS_SQLSERVER_PASSWORD)';
IF DB_ID(N'ordereats_orders') IS NULL CREATE DATABASE [ordereats_orders];
ALTER AUTHORIZATION ON DATABASE::[ordereats_orders] TO [orders];
GO

IF SUSER_ID(N'payments') IS NULL CREATE LOGIN [payments] WITH PASSWORD = N'$(PAYMENTS_SQLSERVER_PASSWORD)', CHECK_POLICY = ON;
ELSE ALTER LOGIN [payments] WITH PASSWORD = N'$(PAYMENTS_SQLSERVER_PASSWORD)';
IF DB_ID(N'ordereats_payments') IS NULL CREATE DATABASE [ordereats_payments];
ALTER AUTHORIZATION ON DATABASE::[ordereats_payments] TO [payments];
GO

IF SUSER_ID(N'kitchen') IS NULL CREATE LOGIN [kitchen] WITH PASSWORD = N'$(KITCHEN_SQLSERVER_PASSWORD)', CHECK_POLICY = ON;
ELSE ALTER LOGIN [kitchen] WITH PASSWORD = N'$(KITCHEN_SQLSERVER_PASSWORD)';
IF DB_ID(N'ordereats_kitchen') IS NULL CREATE DATABASE [ordereats_kitchen];
ALTER AUTHORIZATION ON DATABASE::[ordereats_kitchen] TO [kitchen];
GO

IF SUSER_ID(N'notifications') IS NULL CREATE LOGIN [notifications] WITH PASSWORD = N'$(NOTIFICATIONS_SQLSERVER_PASSWORD)', CHECK_POLICY = ON;
ELSE ALTER LOGIN [notifications] WITH PASSWORD = N'$(NOTIFICATIONS_SQLSERVER_PASSWORD)';
IF DB_ID(N'ordereats_notifications') IS NULL CREATE DATABASE [ordereats_notifications];
ALTER AUTHORIZATION ON DATABASE::[ordereats_notifications] TO [notifications];
GO

IF SUSER_ID(N'console') IS NULL CREATE LOGIN [console] WITH PASSWORD = N'$(CONSOLE_SQLSERVER_PASSWORD)', CHECK_POLICY = ON;
ELSE ALTER LOGIN [console] WITH PASSWORD = N'$(CONSOLE_SQLSERVER_PASSWORD)';
IF DB_ID(N'ordereats_console') IS NULL CREATE DATABASE [ordereats_console];
ALTER AUTHORIZATION ON DATABASE::[ordereats_console] TO [console];
GO
