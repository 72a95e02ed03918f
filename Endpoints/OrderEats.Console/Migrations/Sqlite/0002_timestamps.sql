-- One time format per dialect: the console's times, stored as Unix milliseconds (bigint) before, become fixed-width UTC text 'yyyy-MM-dd HH:mm:ss.fffffff'.
-- Existing rows are converted; ordering and range queries compare like instants as before.

CREATE TABLE console_failures__new (id text NOT NULL PRIMARY KEY, message_id text NOT NULL, message_type text NOT NULL, endpoint text NOT NULL, host text NOT NULL, failed_queue text NOT NULL, exception_type text NOT NULL, exception_message text NOT NULL, stack_trace text NOT NULL, headers text NOT NULL, body text NOT NULL, group_exception text NOT NULL, group_endpoint text NOT NULL, group_type text NOT NULL, status text NOT NULL, attempts integer NOT NULL, first_failed text NOT NULL, last_failed text NOT NULL, status_changed text NOT NULL, retry_id text NULL, retry_pending integer NOT NULL, retry_requested text NULL, edited_from text NULL, edit_message_id text NULL, edit_body text NULL, search_text text NOT NULL, body_encoding text NULL, body_size bigint NULL, processing_attempts integer NULL, retry_error text NULL);
INSERT INTO console_failures__new (id, message_id, message_type, endpoint, host, failed_queue, exception_type, exception_message, stack_trace, headers, body, group_exception, group_endpoint, group_type, status, attempts, first_failed, last_failed, status_changed, retry_id, retry_pending, retry_requested, edited_from, edit_message_id, edit_body, search_text, body_encoding, body_size, processing_attempts, retry_error) SELECT id, message_id, message_type, endpoint, host, failed_queue, exception_type, exception_message, stack_trace, headers, body, group_exception, group_endpoint, group_type, status, attempts, CASE WHEN typeof(first_failed) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', first_failed / 1000.0, 'unixepoch') || '0000' ELSE first_failed END, CASE WHEN typeof(last_failed) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', last_failed / 1000.0, 'unixepoch') || '0000' ELSE last_failed END, CASE WHEN typeof(status_changed) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', status_changed / 1000.0, 'unixepoch') || '0000' ELSE status_changed END, retry_id, retry_pending, CASE WHEN typeof(retry_requested) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', retry_requested / 1000.0, 'unixepoch') || '0000' ELSE retry_requested END, edited_from, edit_message_id, edit_body, search_text, body_encoding, body_size, processing_attempts, retry_error FROM console_failures;
DROP TABLE console_failures;
ALTER TABLE console_failures__new RENAME TO console_failures;
CREATE UNIQUE INDEX ix_console_failures_message_id ON console_failures (message_id);
CREATE INDEX ix_console_failures_last_failed ON console_failures (last_failed);
CREATE INDEX ix_console_failures_retry_id ON console_failures (retry_id);
CREATE INDEX ix_console_failures_pending ON console_failures (retry_pending, retry_requested);
CREATE INDEX ix_console_failures_group_exception ON console_failures (group_exception);
CREATE INDEX ix_console_failures_group_endpoint ON console_failures (group_endpoint);
CREATE INDEX ix_console_failures_group_type ON console_failures (group_type);

CREATE TABLE console_attempts__new (id text NOT NULL PRIMARY KEY, failure_id text NOT NULL, attempt integer NOT NULL, message_id text NOT NULL, failed_queue text NOT NULL, endpoint text NOT NULL, host text NOT NULL, exception_type text NOT NULL, exception_message text NOT NULL, stack_trace text NOT NULL, headers text NOT NULL, body text NOT NULL, time_of_failure text NOT NULL, received_at text NOT NULL, processing_attempts integer NULL);
INSERT INTO console_attempts__new (id, failure_id, attempt, message_id, failed_queue, endpoint, host, exception_type, exception_message, stack_trace, headers, body, time_of_failure, received_at, processing_attempts) SELECT id, failure_id, attempt, message_id, failed_queue, endpoint, host, exception_type, exception_message, stack_trace, headers, body, CASE WHEN typeof(time_of_failure) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', time_of_failure / 1000.0, 'unixepoch') || '0000' ELSE time_of_failure END, CASE WHEN typeof(received_at) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', received_at / 1000.0, 'unixepoch') || '0000' ELSE received_at END, processing_attempts FROM console_attempts;
DROP TABLE console_attempts;
ALTER TABLE console_attempts__new RENAME TO console_attempts;
CREATE UNIQUE INDEX ix_console_attempts_failure ON console_attempts (failure_id, attempt);

CREATE TABLE console_groups__new (id text NOT NULL PRIMARY KEY, kind text NOT NULL, title text NOT NULL, first_seen text NOT NULL, last_seen text NOT NULL);
INSERT INTO console_groups__new (id, kind, title, first_seen, last_seen) SELECT id, kind, title, CASE WHEN typeof(first_seen) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', first_seen / 1000.0, 'unixepoch') || '0000' ELSE first_seen END, CASE WHEN typeof(last_seen) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', last_seen / 1000.0, 'unixepoch') || '0000' ELSE last_seen END FROM console_groups;
DROP TABLE console_groups;
ALTER TABLE console_groups__new RENAME TO console_groups;

CREATE TABLE console_events__new (id text NOT NULL PRIMARY KEY, at text NOT NULL, kind text NOT NULL, failure_id text NULL, group_id text NULL, text text NOT NULL, user_name text NULL);
INSERT INTO console_events__new (id, at, kind, failure_id, group_id, text, user_name) SELECT id, CASE WHEN typeof(at) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', at / 1000.0, 'unixepoch') || '0000' ELSE at END, kind, failure_id, group_id, text, user_name FROM console_events;
DROP TABLE console_events;
ALTER TABLE console_events__new RENAME TO console_events;
CREATE INDEX ix_console_events_at ON console_events (at);

CREATE TABLE console_users__new (name text NOT NULL PRIMARY KEY, stamp text NOT NULL, upgraded_hash text NULL, upgraded_from text NULL, updated text NOT NULL);
INSERT INTO console_users__new (name, stamp, upgraded_hash, upgraded_from, updated) SELECT name, stamp, upgraded_hash, upgraded_from, CASE WHEN typeof(updated) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', updated / 1000.0, 'unixepoch') || '0000' ELSE updated END FROM console_users;
DROP TABLE console_users;
ALTER TABLE console_users__new RENAME TO console_users;

CREATE TABLE console_sagas__new (saga_id text NOT NULL PRIMARY KEY, saga_type text NOT NULL, correlation text NOT NULL, endpoint text NOT NULL, state text NULL, completed integer NOT NULL, started text NOT NULL, updated text NOT NULL, pending text NOT NULL, state_json text NOT NULL);
INSERT INTO console_sagas__new (saga_id, saga_type, correlation, endpoint, state, completed, started, updated, pending, state_json) SELECT saga_id, saga_type, correlation, endpoint, state, completed, CASE WHEN typeof(started) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', started / 1000.0, 'unixepoch') || '0000' ELSE started END, CASE WHEN typeof(updated) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', updated / 1000.0, 'unixepoch') || '0000' ELSE updated END, pending, state_json FROM console_sagas;
DROP TABLE console_sagas;
ALTER TABLE console_sagas__new RENAME TO console_sagas;
CREATE INDEX ix_console_sagas_type_state ON console_sagas (saga_type, state);
CREATE INDEX ix_console_sagas_correlation ON console_sagas (correlation);
CREATE INDEX ix_console_sagas_updated ON console_sagas (completed, updated);

CREATE TABLE console_saga_audit__new (id text NOT NULL PRIMARY KEY, saga_id text NOT NULL, at text NOT NULL, message_id text NOT NULL, message_type text NOT NULL, entry text NOT NULL);
INSERT INTO console_saga_audit__new (id, saga_id, at, message_id, message_type, entry) SELECT id, saga_id, CASE WHEN typeof(at) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', at / 1000.0, 'unixepoch') || '0000' ELSE at END, message_id, message_type, entry FROM console_saga_audit;
DROP TABLE console_saga_audit;
ALTER TABLE console_saga_audit__new RENAME TO console_saga_audit;
CREATE INDEX ix_console_saga_audit_saga ON console_saga_audit (saga_id, at);

CREATE TABLE console_saga_graphs__new (saga_type text NOT NULL PRIMARY KEY, graph text NOT NULL, updated text NOT NULL);
INSERT INTO console_saga_graphs__new (saga_type, graph, updated) SELECT saga_type, graph, CASE WHEN typeof(updated) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', updated / 1000.0, 'unixepoch') || '0000' ELSE updated END FROM console_saga_graphs;
DROP TABLE console_saga_graphs;
ALTER TABLE console_saga_graphs__new RENAME TO console_saga_graphs;
