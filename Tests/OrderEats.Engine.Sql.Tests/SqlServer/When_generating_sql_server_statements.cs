using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sql.Dialects;

namespace OrderEats.Engine.Sql.Tests.SqlServer;

public sealed class When_generating_sql_server_statements
{
    private static readonly SagaStorageDefinition Saga = new("OrderEats.Sagas.OrderSaga", "OrderSaga", "OrderId", typeof(Guid));
    private readonly SqlServerDialect dialect = new(schemaName: null);

    [Test]
    public void Should_guard_every_schema_statement_so_it_can_run_again()
    {
        var statements = new SqlServerDialect("sales").SchemaStatements(new PersistenceSetup("orders", [Saga], Outbox: true));

        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(4));
            Assert.That(statements, Has.All.StartsWith("IF "));
            Assert.That(statements[0], Is.EqualTo("IF SCHEMA_ID(N'sales') IS NULL EXEC(N'CREATE SCHEMA [sales]')"));
            Assert.That(statements[1], Does.StartWith("IF OBJECT_ID(N'[sales].[saga_ordersaga]', N'U') IS NULL\nCREATE TABLE [sales].[saga_ordersaga] ("));
            Assert.That(statements[2], Does.StartWith("IF OBJECT_ID(N'[sales].[outbox]', N'U') IS NULL\nCREATE TABLE [sales].[outbox] ("));
            Assert.That(statements[3], Does.Contain("FROM sys.indexes WHERE name = N'ix_outbox_purge' AND object_id = OBJECT_ID(N'[sales].[outbox]')"));
        });
    }

    [Test]
    public void Should_create_saga_tables_with_a_unique_typed_correlation_column()
    {
        var ddl = dialect.SchemaStatements(new PersistenceSetup("orders", [Saga], Outbox: false)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(ddl, Does.Contain("id uniqueidentifier NOT NULL CONSTRAINT [pk_saga_ordersaga] PRIMARY KEY"));
            Assert.That(ddl, Does.Contain("correlation_value uniqueidentifier NOT NULL CONSTRAINT [ux_saga_ordersaga_correlation] UNIQUE"));
            Assert.That(ddl, Does.Contain("data nvarchar(max) NOT NULL"));
            Assert.That(ddl, Does.Contain("version int NOT NULL"));
            Assert.That(ddl, Does.Contain("timeouts nvarchar(max) NOT NULL"));
            Assert.That(dialect.CorrelationColumnType(typeof(string)), Is.EqualTo("nvarchar(450)"), "indexable: at most 900 bytes");
            Assert.That(dialect.CorrelationColumnType(typeof(int)), Is.EqualTo("int"));
            Assert.That(dialect.CorrelationColumnType(typeof(long)), Is.EqualTo("bigint"));
        });
    }

    [Test]
    public void Should_lock_the_row_when_loading_a_saga()
    {
        Assert.Multiple(() =>
        {
            Assert.That(dialect.SelectSagaById(Saga), Is.EqualTo(
                $"SELECT {SqlDialect.SagaColumns} FROM [dbo].[saga_ordersaga] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE id = @id"));
            Assert.That(dialect.SelectSagaByCorrelation(Saga), Is.EqualTo(
                $"SELECT {SqlDialect.SagaColumns} FROM [dbo].[saga_ordersaga] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE correlation_value = @correlation"));
        });
    }

    [Test]
    public void Should_check_the_version_when_writing_a_saga()
    {
        Assert.Multiple(() =>
        {
            Assert.That(dialect.InsertSaga(Saga), Does.StartWith("INSERT INTO [dbo].[saga_ordersaga] (").And.Contain("@original_message_id, 1, @timeouts"));
            Assert.That(dialect.UpdateSaga(Saga), Does.Contain("version = version + 1").And.EndWith("WHERE id = @id AND version = @version"));
            Assert.That(dialect.DeleteSaga(Saga), Is.EqualTo("DELETE FROM [dbo].[saga_ordersaga] WHERE id = @id AND version = @version"));
        });
    }

    [Test]
    public void Should_write_outbox_statements_for_one_endpoint()
    {
        Assert.Multiple(() =>
        {
            Assert.That(dialect.SelectOutbox, Is.EqualTo("SELECT operations, dispatched FROM [dbo].[outbox] WHERE endpoint = @endpoint AND message_id = @message_id"));
            Assert.That(dialect.InsertOutbox, Is.EqualTo(
                "INSERT INTO [dbo].[outbox] (endpoint, message_id, operations, dispatched, created_at) VALUES (@endpoint, @message_id, @operations, 0, @now)"));
            Assert.That(dialect.MarkOutboxDispatched(3), Is.EqualTo(
                "UPDATE [dbo].[outbox] SET dispatched = 1, dispatched_at = @now, operations = NULL WHERE endpoint = @endpoint AND message_id IN (@message_id0, @message_id1, @message_id2)"));
            Assert.That(dialect.PurgeOutbox, Is.EqualTo(
                "DELETE FROM [dbo].[outbox] WHERE endpoint = @endpoint AND dispatched = 1 AND dispatched_at < @older_than"));
        });
    }

    [Test]
    public void Should_create_a_missing_database_with_a_quoted_name()
    {
        Assert.That(dialect.CreateDatabaseStatement("orders"), Is.EqualTo("CREATE DATABASE [orders]"));
    }

    [Test]
    public void Should_reject_a_table_name_that_is_not_an_identifier()
    {
        var saga = Saga with { TableName = "Order Saga; DROP TABLE x" };
        Assert.That(() => dialect.SelectSagaById(saga), Throws.ArgumentException.With.Message.Contains("'Order Saga; DROP TABLE x' cannot be used as a SQL identifier"));
    }
}
