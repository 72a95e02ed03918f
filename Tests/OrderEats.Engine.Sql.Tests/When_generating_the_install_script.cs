using Microsoft.Data.Sqlite;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sql.Tests.Sqlite;

namespace OrderEats.Engine.Sql.Tests;

public sealed class When_generating_the_install_script
{
    internal static readonly PersistenceSetup Setup = new(
        "orders",
        [
            new SagaStorageDefinition("OrderEats.Sagas.OrderSaga", "OrderSaga", "OrderId", typeof(Guid)),
            new SagaStorageDefinition("OrderEats.Sagas.RefundSaga", "RefundSaga", "RefundNumber", typeof(long)),
        ],
        Outbox: true);

    [Test]
    public void Should_write_an_idempotent_postgresql_script_under_an_advisory_lock()
    {
        var script = SqlSchema.Script(SqlDialectKind.PostgreSql, Setup);
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.StartWith("BEGIN;\nSELECT pg_advisory_xact_lock(").And.EndWith("COMMIT;\n"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"public\".\"saga_ordersaga\""));
            Assert.That(script, Does.Contain("correlation_value uuid NOT NULL"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"public\".\"saga_refundsaga\""));
            Assert.That(script, Does.Contain("correlation_value bigint NOT NULL"));
            Assert.That(script, Does.Contain("data jsonb NOT NULL"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"public\".\"outbox\""));
            Assert.That(script, Does.Contain("CREATE INDEX IF NOT EXISTS \"ix_outbox_purge\""));
            Assert.That(script, Does.Not.Contain("CREATE SCHEMA"));
        });
    }

    [Test]
    public void Should_write_an_idempotent_sql_server_script_in_batches()
    {
        var script = SqlSchema.Script(SqlDialectKind.SqlServer, Setup, "sales");
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.StartWith("BEGIN TRANSACTION;\nEXEC sp_getapplock").And.EndWith("COMMIT;\nGO\n"));
            Assert.That(script, Does.Contain("IF SCHEMA_ID(N'sales') IS NULL EXEC(N'CREATE SCHEMA [sales]')\nGO"));
            Assert.That(script, Does.Contain("IF OBJECT_ID(N'[sales].[saga_ordersaga]', N'U') IS NULL"));
            Assert.That(script, Does.Contain("IF OBJECT_ID(N'[sales].[saga_refundsaga]', N'U') IS NULL"));
            Assert.That(script, Does.Contain("IF OBJECT_ID(N'[sales].[outbox]', N'U') IS NULL"));
        });
    }

    [Test]
    public void Should_write_an_idempotent_sqlite_script()
    {
        var script = SqlSchema.Script(SqlDialectKind.Sqlite, Setup);
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.StartWith("PRAGMA journal_mode = WAL;\n\nBEGIN IMMEDIATE;").And.EndWith("COMMIT;\n"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"saga_ordersaga\""));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"outbox\""));
            Assert.That(script, Does.Contain("CREATE INDEX IF NOT EXISTS \"ix_outbox_purge\""));
        });
    }

    [Test]
    public void Should_leave_the_outbox_out_when_the_endpoint_has_none()
    {
        foreach (var dialect in Enum.GetValues<SqlDialectKind>())
        {
            Assert.That(SqlSchema.Script(dialect, Setup with { Outbox = false }), Does.Not.Contain("outbox"), dialect.ToString());
        }
    }

    [Test]
    public void Should_refuse_a_schema_name_for_sqlite()
    {
        Assert.That(() => SqlSchema.Script(SqlDialectKind.Sqlite, Setup, "sales"), Throws.ArgumentException.With.Message.Contains("SQLite has no schemas"));
    }

    [Test]
    public async Task Should_run_the_sqlite_script_twice()
    {
        using var file = new SqliteDatabaseFile();
        await SqlPersistences.Create("orders", c => c.UseSqlite(file.ConnectionString, o => o.CreateSchema = false)).Storage.Setup(Setup);
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SqlSchema.Script(SqlDialectKind.Sqlite, Setup);
            await command.ExecuteNonQueryAsync();
        }

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('saga_ordersaga', 'saga_refundsaga', 'outbox')";
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(3));
    }
}
