using Dapper;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Console.Tests.PostgreSql;

[TestFixture(SqlDialectKind.PostgreSql)]
[TestFixture(SqlDialectKind.Sqlite)]
public class When_a_console_database_from_before_migrations_starts(SqlDialectKind kind)
{
    private string folder = null!;
    private ConsoleDatabase database = null!;

    [OneTimeSetUp]
    public async Task CreateTodaysDatabaseAndStartTheConsoleOnIt()
    {
        folder = Path.Combine(Path.GetTempPath(), "ordereats-console-upgrade-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var infrastructure = kind == SqlDialectKind.PostgreSql
            ? new InfrastructureOptions { Persistence = kind, DataFolder = folder, ServerConnectionString = PostgresSetUp.ServerConnectionString }
            : new InfrastructureOptions { Persistence = kind, DataFolder = folder };
        var name = kind == SqlDialectKind.PostgreSql ? PostgresSetUp.Server.NewDatabaseName("ordereats_console")["ordereats_".Length..] : "console";
        var endpointDatabase = EndpointDatabase.For(infrastructure, name);
        database = new ConsoleDatabase(endpointDatabase);
        if (kind == SqlDialectKind.PostgreSql)
        {
            // Today's schema goes in first, so the database must exist before the console would create it.
            await using var admin = new Npgsql.NpgsqlConnection(PostgresSetUp.ServerConnectionString);
            await admin.ExecuteAsync($"CREATE DATABASE \"ordereats_{name}\"");
        }

        await using (var connection = await database.Open())
        {
            await connection.ExecuteAsync(kind == SqlDialectKind.PostgreSql ? LegacyConsoleSchema.PostgreSql : LegacyConsoleSchema.Sqlite);
        }

        await database.EnsureSchema();
        // A second console starting on the migrated database applies nothing and changes nothing.
        await database.EnsureSchema();
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Should_journal_the_first_script_and_the_time_conversion_once()
    {
        await using var connection = await database.Open();
        var scripts = await connection.QueryAsync<string>($"SELECT script FROM {MigrationJournal.Table} WHERE component = 'console' ORDER BY script");

        Assert.That(scripts, Is.EqualTo(new[] { "0001_initial", "0002_timestamps" }));
    }

    [Test]
    public async Task Should_read_the_old_failure_with_its_times_and_find_it_by_time()
    {
        var queries = new FailureQueries(database);

        var inRange = await queries.List(new FailureFilter { From = LegacyConsoleSchema.FailedAt, To = LegacyConsoleSchema.FailedAt.AddMilliseconds(1) });
        var after = await queries.List(new FailureFilter { From = LegacyConsoleSchema.FailedAt.AddMilliseconds(1) });
        var detail = await queries.Detail("f1");
        var events = await queries.Events(10);

        Assert.Multiple(() =>
        {
            Assert.That(inRange.Items.Select(f => f.Id), Is.EqualTo(new[] { "f1" }));
            Assert.That(after.Items, Is.Empty);
            Assert.That(detail!.Summary.FirstFailed, Is.EqualTo(LegacyConsoleSchema.FailedAt));
            Assert.That(detail.AttemptHistory.Single().TimeOfFailure, Is.EqualTo(LegacyConsoleSchema.FailedAt));
            Assert.That(events.Single().At, Is.EqualTo(LegacyConsoleSchema.FailedAt));
        });
    }

    [Test]
    public async Task Should_keep_every_time_in_the_one_type_of_the_dialect()
    {
        await using var connection = await database.Open();
        var sagaStarted = await connection.ExecuteScalarAsync<object>("SELECT started FROM console_sagas");
        var nullRetry = await connection.ExecuteScalarAsync<object?>("SELECT retry_requested FROM console_failures");

        Assert.Multiple(() =>
        {
            Assert.That(sagaStarted, kind == SqlDialectKind.Sqlite ? Is.EqualTo("2026-01-02 02:50:45.1230000") : Is.TypeOf<DateTime>());
            Assert.That(nullRetry, Is.Null.Or.TypeOf<DBNull>(), "a null time stays null");
        });
    }
}
