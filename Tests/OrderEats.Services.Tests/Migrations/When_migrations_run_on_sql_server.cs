using Dapper;
using Microsoft.Data.SqlClient;
using OrderEats.Engine.Sql;
using OrderEats.Kitchen.Tickets;
using OrderEats.Notifications.Log;
using OrderEats.Payments.Ledger;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Services.Tests.Migrations;

// SQL Server cannot run on this machine: these run only where ORDEREATS_SQLSERVER names a server (and are reported as ignored otherwise).
public class When_migrations_run_on_sql_server
{
    private const string EnvironmentVariable = "ORDEREATS_SQLSERVER";

    [Test]
    public async Task Should_apply_every_script_once_and_journal_it()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore($"{EnvironmentVariable} is not set: SQL Server migrations not run");
        }

        var name = "ordereats_migrations_" + Guid.NewGuid().ToString("N")[..12];
        var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master", Pooling = false }.ConnectionString;
        await using (var admin = new SqlConnection(master))
        {
            await admin.ExecuteAsync($"CREATE DATABASE [{name}]");
        }

        try
        {
            var database = EndpointDatabase.For(
                new InfrastructureOptions { Persistence = SqlDialectKind.SqlServer, ServerConnectionString = server }, name["ordereats_".Length..]);
            var first = await Migrate(database);
            var second = await Migrate(database);
            await using var connection = await database.Open();
            var journal = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {MigrationJournal.Table}");
            Assert.Multiple(() =>
            {
                Assert.That(first, Has.Count.EqualTo(3));
                Assert.That(second, Is.Empty);
                Assert.That(journal, Is.EqualTo(3));
            });
        }
        finally
        {
            SqlConnection.ClearAllPools();
            await using var admin = new SqlConnection(master);
            await admin.ExecuteAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
        }
    }

    private static async Task<List<string>> Migrate(EndpointDatabase database)
    {
        var applied = new List<string>();
        foreach (var migrations in new[] { LedgerSchema.Migrations, TicketSchema.Migrations, NotificationSchema.Migrations })
        {
            applied.AddRange(await MigrationRunner.ApplyLocked(database, migrations));
        }

        return applied;
    }
}
