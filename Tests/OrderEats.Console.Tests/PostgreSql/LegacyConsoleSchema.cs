namespace OrderEats.Console.Tests.PostgreSql;

// "A console database created by today's code": the CREATE statements the console ran at startup before versioned migrations (copied from
// the code of f77efac: tables, the columns it added in place, indexes) and a row in every table, times in Unix milliseconds as it wrote them.
internal static class LegacyConsoleSchema
{
    private const string Rows = """
        INSERT INTO console_failures (id, message_id, message_type, endpoint, host, failed_queue, exception_type, exception_message, stack_trace, headers, body, group_exception, group_endpoint, group_type, status, attempts, first_failed, last_failed, status_changed, retry_id, retry_pending, retry_requested, edited_from, edit_message_id, edit_body, search_text, body_encoding, body_size, processing_attempts, retry_error) VALUES ('f1', 'm1', 'Shop.PlaceOrder', 'shop', 'host', 'shop', 'System.InvalidOperationException', 'boom', 'at x', '{}', '{}', 'gx', 'ge', 'gt', 'Unresolved', 1, 1767322245123, 1767322245123, 1767322245123, NULL, 0, NULL, NULL, NULL, NULL, 'm1', 'utf8', 2, 1, NULL);
        INSERT INTO console_attempts (id, failure_id, attempt, message_id, failed_queue, endpoint, host, exception_type, exception_message, stack_trace, headers, body, time_of_failure, received_at, processing_attempts) VALUES ('a1', 'f1', 1, 'm1', 'shop', 'shop', 'host', 'System.InvalidOperationException', 'boom', 'at x', '{}', '', 1767322245123, 1767322245456, 1);
        INSERT INTO console_groups (id, kind, title, first_seen, last_seen) VALUES ('gx', 'Exception', 'boom', 1767322245123, 1767322245123);
        INSERT INTO console_events (id, at, kind, failure_id, group_id, text, user_name) VALUES ('e1', 1767322245123, 'MessageFailed', 'f1', 'gx', 'Shop.PlaceOrder failed', NULL);
        INSERT INTO console_users (name, stamp, upgraded_hash, upgraded_from, updated) VALUES ('admin', 'stamp', NULL, NULL, 1767322245123);
        INSERT INTO console_sagas (saga_id, saga_type, correlation, endpoint, state, completed, started, updated, pending, state_json) VALUES ('0190a000-0000-7000-8000-000000000001', 'Shop.CartSaga', 'cart-1', 'shop', 'Open', 0, 1767322245123, 1767322245999, '[]', '{}');
        INSERT INTO console_saga_audit (id, saga_id, at, message_id, message_type, entry) VALUES ('s1', '0190a000-0000-7000-8000-000000000001', 1767322245123, 'm0', 'Shop.OpenCart', '{}');
        INSERT INTO console_saga_graphs (saga_type, graph, updated) VALUES ('Shop.CartSaga', '{}', 1767322245123);
        """;

    public const string PostgreSql = """
        CREATE TABLE IF NOT EXISTS console_failures (id text NOT NULL PRIMARY KEY, message_id text NOT NULL, message_type text NOT NULL, endpoint text NOT NULL, host text NOT NULL, failed_queue text NOT NULL, exception_type text NOT NULL, exception_message text NOT NULL, stack_trace text NOT NULL, headers text NOT NULL, body text NOT NULL, group_exception text NOT NULL, group_endpoint text NOT NULL, group_type text NOT NULL, status text NOT NULL, attempts int NOT NULL, first_failed bigint NOT NULL, last_failed bigint NOT NULL, status_changed bigint NOT NULL, retry_id text NULL, retry_pending int NOT NULL, retry_requested bigint NULL, edited_from text NULL, edit_message_id text NULL, edit_body text NULL, search_text text NOT NULL, body_encoding text NULL, body_size bigint NULL, processing_attempts int NULL, retry_error text NULL);
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_message_id') IS NULL THEN CREATE UNIQUE INDEX IF NOT EXISTS ix_console_failures_message_id ON console_failures (message_id); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_last_failed') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_failures_last_failed ON console_failures (last_failed); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_retry_id') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_failures_retry_id ON console_failures (retry_id); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_pending') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_failures_pending ON console_failures (retry_pending, retry_requested); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_group_exception') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_failures_group_exception ON console_failures (group_exception); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_group_endpoint') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_failures_group_endpoint ON console_failures (group_endpoint); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_failures_group_type') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_failures_group_type ON console_failures (group_type); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS console_attempts (id text NOT NULL PRIMARY KEY, failure_id text NOT NULL, attempt int NOT NULL, message_id text NOT NULL, failed_queue text NOT NULL, endpoint text NOT NULL, host text NOT NULL, exception_type text NOT NULL, exception_message text NOT NULL, stack_trace text NOT NULL, headers text NOT NULL, body text NOT NULL, time_of_failure bigint NOT NULL, received_at bigint NOT NULL, processing_attempts int NULL);
        DO $oe_index$ BEGIN IF to_regclass('ix_console_attempts_failure') IS NULL THEN CREATE UNIQUE INDEX IF NOT EXISTS ix_console_attempts_failure ON console_attempts (failure_id, attempt); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS console_groups (id text NOT NULL PRIMARY KEY, kind text NOT NULL, title text NOT NULL, first_seen bigint NOT NULL, last_seen bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS console_events (id text NOT NULL PRIMARY KEY, at bigint NOT NULL, kind text NOT NULL, failure_id text NULL, group_id text NULL, text text NOT NULL, user_name text NULL);
        DO $oe_index$ BEGIN IF to_regclass('ix_console_events_at') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_events_at ON console_events (at); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS console_users (name text NOT NULL PRIMARY KEY, stamp text NOT NULL, upgraded_hash text NULL, upgraded_from text NULL, updated bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS console_sagas (saga_id text NOT NULL PRIMARY KEY, saga_type text NOT NULL, correlation text NOT NULL, endpoint text NOT NULL, state text NULL, completed int NOT NULL, started bigint NOT NULL, updated bigint NOT NULL, pending text NOT NULL, state_json text NOT NULL);
        DO $oe_index$ BEGIN IF to_regclass('ix_console_sagas_type_state') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_sagas_type_state ON console_sagas (saga_type, state); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_sagas_correlation') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_sagas_correlation ON console_sagas (correlation); END IF; END $oe_index$;
        DO $oe_index$ BEGIN IF to_regclass('ix_console_sagas_updated') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_sagas_updated ON console_sagas (completed, updated); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS console_saga_audit (id text NOT NULL PRIMARY KEY, saga_id text NOT NULL, at bigint NOT NULL, message_id text NOT NULL, message_type text NOT NULL, entry text NOT NULL);
        DO $oe_index$ BEGIN IF to_regclass('ix_console_saga_audit_saga') IS NULL THEN CREATE INDEX IF NOT EXISTS ix_console_saga_audit_saga ON console_saga_audit (saga_id, at); END IF; END $oe_index$;
        CREATE TABLE IF NOT EXISTS console_saga_graphs (saga_type text NOT NULL PRIMARY KEY, graph text NOT NULL, updated bigint NOT NULL);
        """ + Rows;

    public const string Sqlite = """
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
        """ + Rows;

    // 1767322245123 ms after the epoch.
    public static readonly DateTimeOffset FailedAt = new(2026, 1, 2, 2, 50, 45, 123, TimeSpan.Zero);
}
