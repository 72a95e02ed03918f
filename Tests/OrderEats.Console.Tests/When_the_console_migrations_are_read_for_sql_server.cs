using OrderEats.Console.Storage;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Console.Tests;

// SQL Server cannot run here: the console's scripts for it are checked as text.
public class When_the_console_migrations_are_read_for_sql_server
{
    private static readonly string[] TimeColumns =
    [
        "console_failures.first_failed", "console_failures.last_failed", "console_failures.status_changed", "console_failures.retry_requested",
        "console_attempts.time_of_failure", "console_attempts.received_at", "console_groups.first_seen", "console_groups.last_seen", "console_events.at",
        "console_users.updated", "console_sagas.started", "console_sagas.updated", "console_saga_audit.at", "console_saga_graphs.updated",
    ];

    [Test]
    public void Should_guard_every_statement_of_the_first_script()
    {
        var batches = MigrationRunner.Batches(SqlDialectKind.SqlServer, ConsoleSchema.Migrations.Scripts(SqlDialectKind.SqlServer)[0].Sql);

        Assert.That(batches, Has.All.StartWith("IF OBJECT_ID(N'").Or.StartWith("IF NOT EXISTS (SELECT 1 FROM sys.indexes"));
    }

    [Test]
    public void Should_turn_every_millisecond_column_into_datetimeoffset_and_rebuild_its_indexes()
    {
        var script = ConsoleSchema.Migrations.Scripts(SqlDialectKind.SqlServer)[1];
        var batches = MigrationRunner.Batches(SqlDialectKind.SqlServer, script.Sql);

        Assert.Multiple(() =>
        {
            Assert.That(script.Name, Is.EqualTo("0002_timestamps"));
            foreach (var column in TimeColumns)
            {
                var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
                var rename = batches.ToList().IndexOf($"EXEC sp_rename N'{table}.{name}__new', N'{name}', N'COLUMN'");
                Assert.That(rename, Is.GreaterThan(batches.ToList().IndexOf($"ALTER TABLE {table} DROP COLUMN {name}")), column);
                Assert.That(batches, Has.Some.StartWith($"UPDATE {table} SET {name}__new = TODATETIMEOFFSET("), column);
            }

            foreach (var index in new[] { "ix_console_failures_last_failed", "ix_console_failures_pending", "ix_console_events_at", "ix_console_sagas_updated", "ix_console_saga_audit_saga" })
            {
                var drop = batches.ToList().FindIndex(b => b.StartsWith($"DROP INDEX IF EXISTS {index} ON", StringComparison.Ordinal));
                var create = batches.ToList().FindIndex(b => b.StartsWith($"CREATE INDEX {index} ON", StringComparison.Ordinal));
                Assert.That(drop, Is.GreaterThanOrEqualTo(0).And.LessThan(create), index);
            }

            Assert.That(batches, Has.Some.EqualTo("ALTER TABLE console_failures ALTER COLUMN last_failed datetimeoffset NOT NULL"));
            Assert.That(batches, Has.None.EqualTo("ALTER TABLE console_failures ALTER COLUMN retry_requested datetimeoffset NOT NULL"), "a nullable time stays nullable");
        });
    }
}
