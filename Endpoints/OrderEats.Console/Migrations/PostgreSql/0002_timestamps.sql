-- One time format per dialect: the console's times, stored as Unix milliseconds (bigint) before, become timestamptz.
-- Existing rows are converted; ordering and range queries compare like instants as before.


ALTER TABLE console_failures
  ALTER COLUMN first_failed TYPE timestamptz USING to_timestamp(first_failed / 1000.0),
  ALTER COLUMN last_failed TYPE timestamptz USING to_timestamp(last_failed / 1000.0),
  ALTER COLUMN status_changed TYPE timestamptz USING to_timestamp(status_changed / 1000.0),
  ALTER COLUMN retry_requested TYPE timestamptz USING to_timestamp(retry_requested / 1000.0);

ALTER TABLE console_attempts
  ALTER COLUMN time_of_failure TYPE timestamptz USING to_timestamp(time_of_failure / 1000.0),
  ALTER COLUMN received_at TYPE timestamptz USING to_timestamp(received_at / 1000.0);

ALTER TABLE console_groups
  ALTER COLUMN first_seen TYPE timestamptz USING to_timestamp(first_seen / 1000.0),
  ALTER COLUMN last_seen TYPE timestamptz USING to_timestamp(last_seen / 1000.0);

ALTER TABLE console_events
  ALTER COLUMN at TYPE timestamptz USING to_timestamp(at / 1000.0);

ALTER TABLE console_users
  ALTER COLUMN updated TYPE timestamptz USING to_timestamp(updated / 1000.0);

ALTER TABLE console_sagas
  ALTER COLUMN started TYPE timestamptz USING to_timestamp(started / 1000.0),
  ALTER COLUMN updated TYPE timestamptz USING to_timestamp(updated / 1000.0);

ALTER TABLE console_saga_audit
  ALTER COLUMN at TYPE timestamptz USING to_timestamp(at / 1000.0);

ALTER TABLE console_saga_graphs
  ALTER COLUMN updated TYPE timestamptz USING to_timestamp(updated / 1000.0);
