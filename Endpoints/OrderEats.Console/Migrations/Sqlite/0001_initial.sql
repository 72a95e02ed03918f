-- The console's tables (failed messages, attempts, groups, the event log, users, saga audit), times as Unix milliseconds as the console wrote them before
-- versioned migrations; 0002 turns them into the dialect's one time type.
-- Idempotent: a database created before versioned migrations already has these objects and keeps them.

CREATE TABLE IF NOT EXISTS console_failures (id text NOT NULL PRIMARY KEY, message_id text NOT NULL, message_type text NOT NULL, endpoint text NOT NULL, host text NOT NULL, failed_queue text NOT NULL, exception_type text NOT NULL, exception_message text NOT NULL, stack_trace text NOT NULL, headers text NOT NULL, body text NOT NULL, group_exception text NOT NULL, group_endpoint text NOT NULL, group_type text NOT NULL, status text NOT NULL, attempts integer NOT NULL, first_failed bigint NOT NULL, last_failed bigint NOT NULL, status_changed bigint NOT NULL, retry_id text NULL, retry_pending integer NOT NULL, retry_requested bigint NULL, edited_from text NULL, edit_message_id text NULL, edit_body text NULL, search_text text NOT NULL, body_encoding text NULL, body_size bigint NULL, processing_attempts integer NULL, retry_error text NULL);

CREATE UNIQUE INDEX IF NOT EXISTS ix_console_failures_message_id ON console_failures (message_id);

CREATE INDEX IF NOT EXISTS ix_console_failures_last_failed ON console_failures (last_failed);

CREATE INDEX IF NOT EXISTS ix_console_failures_retry_id ON console_failures (retry_id);

CREATE INDEX IF NOT EXISTS ix_console_failures_pending ON console_failures (retry_pending, retry_requested);

CREATE INDEX IF NOT EXISTS ix_console_failures_group_exception ON console_failures (group_exception);

CREATE INDEX IF NOT EXISTS ix_console_failures_group_endpoint ON console_failures (group_endpoint);

CREATE INDEX IF NOT EXISTS ix_console_failures_group_type ON console_failures (group_type);

CREATE TABLE IF NOT EXISTS console_attempts (id text NOT NULL PRIMARY KEY, failure_id text NOT NULL, attempt integer NOT NULL, message_id text NOT NULL, failed_queue text NOT NULL, endpoint text NOT NULL, host text NOT NULL, exception_type text NOT NULL, exception_message text NOT NULL, stack_trace text NOT NULL, headers text NOT NULL, body text NOT NULL, time_of_failure bigint NOT NULL, received_at bigint NOT NULL, processing_attempts integer NULL);

CREATE UNIQUE INDEX IF NOT EXISTS ix_console_attempts_failure ON console_attempts (failure_id, attempt);

CREATE TABLE IF NOT EXISTS console_groups (id text NOT NULL PRIMARY KEY, kind text NOT NULL, title text NOT NULL, first_seen bigint NOT NULL, last_seen bigint NOT NULL);

CREATE TABLE IF NOT EXISTS console_events (id text NOT NULL PRIMARY KEY, at bigint NOT NULL, kind text NOT NULL, failure_id text NULL, group_id text NULL, text text NOT NULL, user_name text NULL);

CREATE INDEX IF NOT EXISTS ix_console_events_at ON console_events (at);

CREATE TABLE IF NOT EXISTS console_users (name text NOT NULL PRIMARY KEY, stamp text NOT NULL, upgraded_hash text NULL, upgraded_from text NULL, updated bigint NOT NULL);

CREATE TABLE IF NOT EXISTS console_sagas (saga_id text NOT NULL PRIMARY KEY, saga_type text NOT NULL, correlation text NOT NULL, endpoint text NOT NULL, state text NULL, completed integer NOT NULL, started bigint NOT NULL, updated bigint NOT NULL, pending text NOT NULL, state_json text NOT NULL);

CREATE INDEX IF NOT EXISTS ix_console_sagas_type_state ON console_sagas (saga_type, state);

CREATE INDEX IF NOT EXISTS ix_console_sagas_correlation ON console_sagas (correlation);

CREATE INDEX IF NOT EXISTS ix_console_sagas_updated ON console_sagas (completed, updated);

CREATE TABLE IF NOT EXISTS console_saga_audit (id text NOT NULL PRIMARY KEY, saga_id text NOT NULL, at bigint NOT NULL, message_id text NOT NULL, message_type text NOT NULL, entry text NOT NULL);

CREATE INDEX IF NOT EXISTS ix_console_saga_audit_saga ON console_saga_audit (saga_id, at);

CREATE TABLE IF NOT EXISTS console_saga_graphs (saga_type text NOT NULL PRIMARY KEY, graph text NOT NULL, updated bigint NOT NULL);
