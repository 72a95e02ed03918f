using OrderEats.Engine.Sql;
using OrderEats.Kitchen.Tickets;
using OrderEats.Notifications.Log;
using OrderEats.Payments.Ledger;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Services.Tests.Migrations;

// SQL Server cannot run here: its scripts are checked as text.
public class When_the_sql_server_migrations_are_read
{
    private static readonly BusinessMigrations[] Services = [LedgerSchema.Migrations, TicketSchema.Migrations, NotificationSchema.Migrations];

    [TestCaseSource(nameof(Services))]
    public void Should_have_an_idempotent_first_script_for_every_dialect(BusinessMigrations migrations)
    {
        var batches = MigrationRunner.Batches(SqlDialectKind.SqlServer, migrations.Scripts(SqlDialectKind.SqlServer)[0].Sql);
        Assert.Multiple(() =>
        {
            foreach (var kind in new[] { SqlDialectKind.PostgreSql, SqlDialectKind.SqlServer, SqlDialectKind.Sqlite })
            {
                Assert.That(migrations.Scripts(kind)[0].Name, Is.EqualTo("0001_initial"), kind.ToString());
            }

            Assert.That(batches, Is.Not.Empty);
            Assert.That(batches, Has.All.StartWith("IF OBJECT_ID(N'").Or.StartWith("IF NOT EXISTS (SELECT 1 FROM sys.indexes"), "every statement is guarded, so a database from before migrations keeps its tables");
            Assert.That(batches, Has.None.Contain("GO"));
            Assert.That(migrations.Scripts(SqlDialectKind.SqlServer)[0].Sql, Does.Contain("uniqueidentifier").And.Contain("datetimeoffset").Or.Not.Contain("_at "));
        });
    }

    [Test]
    public void Should_split_batches_on_go_lines_only()
    {
        var batches = MigrationRunner.Batches(SqlDialectKind.SqlServer, "-- comment only\nGO\nCREATE TABLE a (category nvarchar(10))\ngo\n\nSELECT 1 AS ago\n  GO  \n");

        Assert.That(batches, Is.EqualTo(new[] { "CREATE TABLE a (category nvarchar(10))", "SELECT 1 AS ago" }));
    }

    [Test]
    public void Should_print_a_script_a_dba_can_apply_in_one_transaction()
    {
        var script = BusinessSchemaScript.For(SqlDialectKind.SqlServer, LedgerSchema.Migrations);

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.StartWith("BEGIN TRANSACTION;\nGO"));
            Assert.That(script, Does.Contain($"IF OBJECT_ID(N'{MigrationJournal.Table}', N'U') IS NULL CREATE TABLE {MigrationJournal.Table}"));
            Assert.That(script, Does.Contain("CREATE TABLE payments_ledger"));
            Assert.That(script, Does.Contain($"INSERT INTO {MigrationJournal.Table} (component, script, applied_at) SELECT 'payments', '0001_initial', SYSDATETIMEOFFSET()"));
            Assert.That(script, Does.EndWith("COMMIT;\nGO\n"));
        });
    }
}
