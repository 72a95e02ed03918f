using System.Data.Common;
using Dapper;
using OrderEats.Engine.Sql;
using OrderEats.Kitchen.Tickets;
using OrderEats.Notifications.Log;
using OrderEats.Payments.Ledger;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Services.Tests.Migrations;

[TestFixture(SqlDialectKind.PostgreSql)]
[TestFixture(SqlDialectKind.Sqlite)]
public class When_a_database_from_before_migrations_starts(SqlDialectKind kind)
{
    private static readonly BusinessMigrations[] Services = [LedgerSchema.Migrations, TicketSchema.Migrations, NotificationSchema.Migrations];

    private ScratchDatabase scratch = null!;
    private IReadOnlyList<string> firstRun = [];
    private IReadOnlyList<string> secondRun = [];

    private EndpointDatabase Database => scratch.Database;

    [OneTimeSetUp]
    public async Task CreateTodaysDatabaseAndMigrateIt()
    {
        scratch = await ScratchDatabase.Create(kind, "upgrade");
        await using (var connection = await Database.Open())
        {
            await connection.ExecuteAsync(kind == SqlDialectKind.PostgreSql ? LegacySchema.PostgreSql : LegacySchema.Sqlite);
        }

        firstRun = await Migrate();
        secondRun = await Migrate();
    }

    [OneTimeTearDown]
    public void DeleteDatabase() => scratch.Dispose();

    [Test]
    public async Task Should_journal_every_script_once()
    {
        await using var connection = await Database.Open();
        var journal = (await connection.QueryAsync<(string Component, string Script)>(
            $"SELECT component, script FROM {MigrationJournal.Table} ORDER BY component, script")).ToList();
        string[] scripts = kind == SqlDialectKind.Sqlite ? ["0001_initial", "0002_sqlite_timestamps"] : ["0001_initial"];
        var expected = new[] { "kitchen", "notifications", "payments" }.SelectMany(component => scripts.Select(script => (component, script))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(journal, Is.EqualTo(expected));
            Assert.That(firstRun, Has.Count.EqualTo(expected.Count));
            Assert.That(secondRun, Is.Empty, "a second start applies nothing");
        });
    }

    [Test]
    public async Task Should_read_the_old_rows_as_they_were_written()
    {
        await using var connection = await Database.Open();
        var charge = await connection.QuerySingleAsync<LedgerEntry>(
            "SELECT order_id AS OrderId, kind AS Kind, id AS EntryId, amount AS Amount, currency AS Currency, at AS At FROM payments_ledger");
        var ticket = await connection.QuerySingleAsync<KitchenTicket>(
            "SELECT order_id AS OrderId, restaurant_id AS RestaurantId, status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt FROM kitchen_tickets");
        var sent = await connection.QuerySingleAsync<SentNotification>(
            "SELECT order_id AS OrderId, kind AS Kind, customer_id AS CustomerId, sent_at AS SentAt FROM notifications_sent");
        Assert.Multiple(() =>
        {
            Assert.That(charge.OrderId, Is.EqualTo(LegacySchema.OrderId));
            Assert.That(charge.Amount, Is.EqualTo(12.50m));
            Assert.That(charge.At, Is.EqualTo(LegacySchema.ChargedAt));
            Assert.That(ticket.CreatedAt, Is.EqualTo(LegacySchema.ChargedAt));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(LegacySchema.ReadyAt));
            Assert.That(sent.SentAt, Is.EqualTo(LegacySchema.ChargedAt));
        });
    }

    [Test]
    public async Task Should_store_every_time_in_the_one_format_of_the_dialect()
    {
        await using var connection = await Database.Open();
        var stored = await connection.ExecuteScalarAsync<object>("SELECT updated_at FROM kitchen_tickets");
        Assert.That(
            stored,
            kind == SqlDialectKind.Sqlite ? Is.EqualTo("2026-01-02 03:09:00.0000010") : Is.TypeOf<DateTime>().Or.TypeOf<DateTimeOffset>());
    }

    [Test]
    public async Task Should_order_and_range_old_and_new_rows_by_time()
    {
        await using var connection = await Database.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        var earlier = LegacySchema.ChargedAt.AddMilliseconds(-1);
        var later = LegacySchema.ChargedAt.AddMilliseconds(1);
        foreach (var (id, at) in new[] { (Guid.CreateVersion7(), earlier), (Guid.CreateVersion7(), later) })
        {
            await connection.ExecuteAsync(
                "INSERT INTO notifications_sent (order_id, kind, customer_id, sent_at) VALUES (@id, 'OrderConfirmed', @id, @at)", new { id, at }, transaction);
        }

        var ordered = (await connection.QueryAsync<DateTimeOffset>("SELECT sent_at FROM notifications_sent ORDER BY sent_at", transaction: transaction)).ToList();
        var fromTheOldRow = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM notifications_sent WHERE sent_at >= @from", new { from = LegacySchema.ChargedAt }, transaction);
        await transaction.RollbackAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ordered, Is.EqualTo(new[] { earlier, LegacySchema.ChargedAt, later }));
            Assert.That(fromTheOldRow, Is.EqualTo(2));
        });
    }

    private async Task<IReadOnlyList<string>> Migrate()
    {
        await using var connection = await Database.Open();
        await using DbTransaction transaction = await connection.BeginTransactionAsync();
        var applied = new List<string>();
        foreach (var migrations in Services)
        {
            applied.AddRange(await MigrationRunner.Apply(transaction, kind, migrations));
        }

        await transaction.CommitAsync();
        return applied;
    }
}
