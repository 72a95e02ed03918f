using Dapper;
using OrderEats.Engine.Sql;
using OrderEats.Payments.Ledger;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Services.Tests.Migrations;

// Several processes of one service starting together on a new database: the migration lock lets one apply each script, the others find it journaled.
[TestFixture(SqlDialectKind.PostgreSql)]
[TestFixture(SqlDialectKind.Sqlite)]
public class When_instances_migrate_at_once(SqlDialectKind kind)
{
    private const int Instances = 4;

    [Test]
    public async Task Should_apply_each_script_once_and_start_every_instance()
    {
        using var scratch = await ScratchDatabase.Create(kind, "atonce");
        var database = scratch.Database;
        using var start = new SemaphoreSlim(0);
        var instances = Enumerable.Range(0, Instances).Select(async _ =>
        {
            await start.WaitAsync();
            return await MigrationRunner.ApplyLocked(database, LedgerSchema.Migrations);
        }).ToList();
        start.Release(Instances);
        var applied = (await Task.WhenAll(instances).WaitAsync(TimeSpan.FromMinutes(2))).SelectMany(scripts => scripts).ToList();

        await using var connection = await database.Open();
        var journal = (await connection.QueryAsync<string>($"SELECT script FROM {MigrationJournal.Table} ORDER BY script")).ToList();
        var expected = LedgerSchema.Migrations.Scripts(kind).Select(s => s.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.EquivalentTo(expected), "each script applied by exactly one instance");
            Assert.That(journal, Is.EqualTo(expected));
        });
    }
}
