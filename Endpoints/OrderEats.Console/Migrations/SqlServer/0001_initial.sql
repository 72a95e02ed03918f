-- The console's tables (failed messages, attempts, groups, the event log, users, saga audit), times as Unix milliseconds as the console wrote them before
-- versioned migrations; 0002 turns them into the dialect's one time type.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

IF OBJECT_ID(N'console_failures', N'U') IS NULL CREATE TABLE console_failures (id nvarchar(400) NOT NULL PRIMARY KEY, message_id nvarchar(400) NOT NULL, message_type nvarchar(400) NOT NULL, endpoint nvarchar(400) NOT NULL, host nvarchar(400) NOT NULL, failed_queue nvarchar(400) NOT NULL, exception_type nvarchar(400) NOT NULL, exception_message nvarchar(max) NOT NULL, stack_trace nvarchar(max) NOT NULL, headers nvarchar(max) NOT NULL, body nvarchar(max) NOT NULL, group_exception nvarchar(400) NOT NULL, group_endpoint nvarchar(400) NOT NULL, group_type nvarchar(400) NOT NULL, status nvarchar(400) NOT NULL, attempts int NOT NULL, first_failed bigint NOT NULL, last_failed bigint NOT NULL, status_changed bigint NOT NULL, retry_id nvarchar(400) NULL, retry_pending int NOT NULL, retry_requested bigint NULL, edited_from nvarchar(400) NULL, edit_message_id nvarchar(400) NULL, edit_body nvarchar(max) NULL, search_text nvarchar(max) NOT NULL, body_encoding nvarchar(400) NULL, body_size bigint NULL, processing_attempts int NULL, retry_error nvarchar(max) NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_message_id') CREATE UNIQUE INDEX ix_console_failures_message_id ON console_failures (message_id)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_last_failed') CREATE INDEX ix_console_failures_last_failed ON console_failures (last_failed)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_retry_id') CREATE INDEX ix_console_failures_retry_id ON console_failures (retry_id)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_pending') CREATE INDEX ix_console_failures_pending ON console_failures (retry_pending, retry_requested)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_group_exception') CREATE INDEX ix_console_failures_group_exception ON console_failures (group_exception)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_group_endpoint') CREATE INDEX ix_console_failures_group_endpoint ON console_failures (group_endpoint)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_failures_group_type') CREATE INDEX ix_console_failures_group_type ON console_failures (group_type)
GO

IF OBJECT_ID(N'console_attempts', N'U') IS NULL CREATE TABLE console_attempts (id nvarchar(400) NOT NULL PRIMARY KEY, failure_id nvarchar(400) NOT NULL, attempt int NOT NULL, message_id nvarchar(400) NOT NULL, failed_queue nvarchar(400) NOT NULL, endpoint nvarchar(400) NOT NULL, host nvarchar(400) NOT NULL, exception_type nvarchar(400) NOT NULL, exception_message nvarchar(max) NOT NULL, stack_trace nvarchar(max) NOT NULL, headers nvarchar(max) NOT NULL, body nvarchar(max) NOT NULL, time_of_failure bigint NOT NULL, received_at bigint NOT NULL, processing_attempts int NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_attempts_failure') CREATE UNIQUE INDEX ix_console_attempts_failure ON console_attempts (failure_id, attempt)
GO

IF OBJECT_ID(N'console_groups', N'U') IS NULL CREATE TABLE console_groups (id nvarchar(400) NOT NULL PRIMARY KEY, kind nvarchar(400) NOT NULL, title nvarchar(max) NOT NULL, first_seen bigint NOT NULL, last_seen bigint NOT NULL)
GO

IF OBJECT_ID(N'console_events', N'U') IS NULL CREATE TABLE console_events (id nvarchar(400) NOT NULL PRIMARY KEY, at bigint NOT NULL, kind nvarchar(400) NOT NULL, failure_id nvarchar(400) NULL, group_id nvarchar(400) NULL, text nvarchar(max) NOT NULL, user_name nvarchar(400) NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_events_at') CREATE INDEX ix_console_events_at ON console_events (at)
GO

IF OBJECT_ID(N'console_users', N'U') IS NULL CREATE TABLE console_users (name nvarchar(400) NOT NULL PRIMARY KEY, stamp nvarchar(400) NOT NULL, upgraded_hash nvarchar(400) NULL, upgraded_from nvarchar(400) NULL, updated bigint NOT NULL)
GO

IF OBJECT_ID(N'console_sagas', N'U') IS NULL CREATE TABLE console_sagas (saga_id nvarchar(400) NOT NULL PRIMARY KEY, saga_type nvarchar(400) NOT NULL, correlation nvarchar(400) NOT NULL, endpoint nvarchar(400) NOT NULL, state nvarchar(400) NULL, completed int NOT NULL, started bigint NOT NULL, updated bigint NOT NULL, pending nvarchar(max) NOT NULL, state_json nvarchar(max) NOT NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_sagas_type_state') CREATE INDEX ix_console_sagas_type_state ON console_sagas (saga_type, state)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_sagas_correlation') CREATE INDEX ix_console_sagas_correlation ON console_sagas (correlation)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_sagas_updated') CREATE INDEX ix_console_sagas_updated ON console_sagas (completed, updated)
GO

IF OBJECT_ID(N'console_saga_audit', N'U') IS NULL CREATE TABLE console_saga_audit (id nvarchar(400) NOT NULL PRIMARY KEY, saga_id nvarchar(400) NOT NULL, at bigint NOT NULL, message_id nvarchar(400) NOT NULL, message_type nvarchar(400) NOT NULL, entry nvarchar(max) NOT NULL)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_saga_audit_saga') CREATE INDEX ix_console_saga_audit_saga ON console_saga_audit (saga_id, at)
GO

IF OBJECT_ID(N'console_saga_graphs', N'U') IS NULL CREATE TABLE console_saga_graphs (saga_type nvarchar(400) NOT NULL PRIMARY KEY, graph nvarchar(max) NOT NULL, updated bigint NOT NULL)
GO
