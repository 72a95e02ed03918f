-- One time format per dialect: the console's times, stored as Unix milliseconds (bigint) before, become datetimeoffset.
-- Existing rows are converted; ordering and range queries compare like instants as before.

DROP INDEX IF EXISTS ix_console_failures_last_failed ON console_failures
GO

DROP INDEX IF EXISTS ix_console_failures_pending ON console_failures
GO

ALTER TABLE console_failures ADD first_failed__new datetimeoffset NULL
GO

UPDATE console_failures SET first_failed__new = TODATETIMEOFFSET(DATEADD(millisecond, first_failed % 86400000, DATEADD(day, first_failed / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_failures DROP COLUMN first_failed
GO

EXEC sp_rename N'console_failures.first_failed__new', N'first_failed', N'COLUMN'
GO

ALTER TABLE console_failures ALTER COLUMN first_failed datetimeoffset NOT NULL
GO

ALTER TABLE console_failures ADD last_failed__new datetimeoffset NULL
GO

UPDATE console_failures SET last_failed__new = TODATETIMEOFFSET(DATEADD(millisecond, last_failed % 86400000, DATEADD(day, last_failed / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_failures DROP COLUMN last_failed
GO

EXEC sp_rename N'console_failures.last_failed__new', N'last_failed', N'COLUMN'
GO

ALTER TABLE console_failures ALTER COLUMN last_failed datetimeoffset NOT NULL
GO

ALTER TABLE console_failures ADD status_changed__new datetimeoffset NULL
GO

UPDATE console_failures SET status_changed__new = TODATETIMEOFFSET(DATEADD(millisecond, status_changed % 86400000, DATEADD(day, status_changed / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_failures DROP COLUMN status_changed
GO

EXEC sp_rename N'console_failures.status_changed__new', N'status_changed', N'COLUMN'
GO

ALTER TABLE console_failures ALTER COLUMN status_changed datetimeoffset NOT NULL
GO

ALTER TABLE console_failures ADD retry_requested__new datetimeoffset NULL
GO

UPDATE console_failures SET retry_requested__new = TODATETIMEOFFSET(DATEADD(millisecond, retry_requested % 86400000, DATEADD(day, retry_requested / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_failures DROP COLUMN retry_requested
GO

EXEC sp_rename N'console_failures.retry_requested__new', N'retry_requested', N'COLUMN'
GO

CREATE INDEX ix_console_failures_last_failed ON console_failures (last_failed)
GO

CREATE INDEX ix_console_failures_pending ON console_failures (retry_pending, retry_requested)
GO

ALTER TABLE console_attempts ADD time_of_failure__new datetimeoffset NULL
GO

UPDATE console_attempts SET time_of_failure__new = TODATETIMEOFFSET(DATEADD(millisecond, time_of_failure % 86400000, DATEADD(day, time_of_failure / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_attempts DROP COLUMN time_of_failure
GO

EXEC sp_rename N'console_attempts.time_of_failure__new', N'time_of_failure', N'COLUMN'
GO

ALTER TABLE console_attempts ALTER COLUMN time_of_failure datetimeoffset NOT NULL
GO

ALTER TABLE console_attempts ADD received_at__new datetimeoffset NULL
GO

UPDATE console_attempts SET received_at__new = TODATETIMEOFFSET(DATEADD(millisecond, received_at % 86400000, DATEADD(day, received_at / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_attempts DROP COLUMN received_at
GO

EXEC sp_rename N'console_attempts.received_at__new', N'received_at', N'COLUMN'
GO

ALTER TABLE console_attempts ALTER COLUMN received_at datetimeoffset NOT NULL
GO

ALTER TABLE console_groups ADD first_seen__new datetimeoffset NULL
GO

UPDATE console_groups SET first_seen__new = TODATETIMEOFFSET(DATEADD(millisecond, first_seen % 86400000, DATEADD(day, first_seen / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_groups DROP COLUMN first_seen
GO

EXEC sp_rename N'console_groups.first_seen__new', N'first_seen', N'COLUMN'
GO

ALTER TABLE console_groups ALTER COLUMN first_seen datetimeoffset NOT NULL
GO

ALTER TABLE console_groups ADD last_seen__new datetimeoffset NULL
GO

UPDATE console_groups SET last_seen__new = TODATETIMEOFFSET(DATEADD(millisecond, last_seen % 86400000, DATEADD(day, last_seen / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_groups DROP COLUMN last_seen
GO

EXEC sp_rename N'console_groups.last_seen__new', N'last_seen', N'COLUMN'
GO

ALTER TABLE console_groups ALTER COLUMN last_seen datetimeoffset NOT NULL
GO

DROP INDEX IF EXISTS ix_console_events_at ON console_events
GO

ALTER TABLE console_events ADD at__new datetimeoffset NULL
GO

UPDATE console_events SET at__new = TODATETIMEOFFSET(DATEADD(millisecond, at % 86400000, DATEADD(day, at / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_events DROP COLUMN at
GO

EXEC sp_rename N'console_events.at__new', N'at', N'COLUMN'
GO

ALTER TABLE console_events ALTER COLUMN at datetimeoffset NOT NULL
GO

CREATE INDEX ix_console_events_at ON console_events (at)
GO

ALTER TABLE console_users ADD updated__new datetimeoffset NULL
GO

UPDATE console_users SET updated__new = TODATETIMEOFFSET(DATEADD(millisecond, updated % 86400000, DATEADD(day, updated / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_users DROP COLUMN updated
GO

EXEC sp_rename N'console_users.updated__new', N'updated', N'COLUMN'
GO

ALTER TABLE console_users ALTER COLUMN updated datetimeoffset NOT NULL
GO

DROP INDEX IF EXISTS ix_console_sagas_updated ON console_sagas
GO

ALTER TABLE console_sagas ADD started__new datetimeoffset NULL
GO

UPDATE console_sagas SET started__new = TODATETIMEOFFSET(DATEADD(millisecond, started % 86400000, DATEADD(day, started / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_sagas DROP COLUMN started
GO

EXEC sp_rename N'console_sagas.started__new', N'started', N'COLUMN'
GO

ALTER TABLE console_sagas ALTER COLUMN started datetimeoffset NOT NULL
GO

ALTER TABLE console_sagas ADD updated__new datetimeoffset NULL
GO

UPDATE console_sagas SET updated__new = TODATETIMEOFFSET(DATEADD(millisecond, updated % 86400000, DATEADD(day, updated / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_sagas DROP COLUMN updated
GO

EXEC sp_rename N'console_sagas.updated__new', N'updated', N'COLUMN'
GO

ALTER TABLE console_sagas ALTER COLUMN updated datetimeoffset NOT NULL
GO

CREATE INDEX ix_console_sagas_updated ON console_sagas (completed, updated)
GO

DROP INDEX IF EXISTS ix_console_saga_audit_saga ON console_saga_audit
GO

ALTER TABLE console_saga_audit ADD at__new datetimeoffset NULL
GO

UPDATE console_saga_audit SET at__new = TODATETIMEOFFSET(DATEADD(millisecond, at % 86400000, DATEADD(day, at / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_saga_audit DROP COLUMN at
GO

EXEC sp_rename N'console_saga_audit.at__new', N'at', N'COLUMN'
GO

ALTER TABLE console_saga_audit ALTER COLUMN at datetimeoffset NOT NULL
GO

CREATE INDEX ix_console_saga_audit_saga ON console_saga_audit (saga_id, at)
GO

ALTER TABLE console_saga_graphs ADD updated__new datetimeoffset NULL
GO

UPDATE console_saga_graphs SET updated__new = TODATETIMEOFFSET(DATEADD(millisecond, updated % 86400000, DATEADD(day, updated / 86400000, CAST('1970-01-01' AS datetime2))), 0)
GO

ALTER TABLE console_saga_graphs DROP COLUMN updated
GO

EXEC sp_rename N'console_saga_graphs.updated__new', N'updated', N'COLUMN'
GO

ALTER TABLE console_saga_graphs ALTER COLUMN updated datetimeoffset NOT NULL
GO
