namespace OrderEats.Host.Tests;

[TestFixture]
public class When_the_schema_command_runs
{
    [TestCase("postgresql", "jsonb")]
    [TestCase("sqlserver", "nvarchar(max)")]
    [TestCase("sqlite", "CREATE TABLE IF NOT EXISTS")]
    public async Task Should_print_every_service_database_with_the_saga_and_outbox_tables(string dialect, string dialectMarker)
    {
        using var output = new StringWriter();

        var exitCode = await CommandLine.Invoke(["schema", "--dialect", dialect], output, TextWriter.Null);

        var script = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(script, Does.Contain("saga_ordersaga").IgnoreCase);
            Assert.That(script, Does.Contain("outbox"));
            Assert.That(script, Does.Contain(dialectMarker));
            foreach (var service in new[] { "orders", "payments", "kitchen", "notifications" })
            {
                Assert.That(script, Does.Contain("ordereats_" + service));
            }
        });
    }

    [TestCase("postgresql", "CREATE TABLE IF NOT EXISTS payments_ledger (id uuid")]
    [TestCase("sqlserver", "IF OBJECT_ID(N'kitchen_tickets', N'U') IS NULL CREATE TABLE kitchen_tickets")]
    [TestCase("sqlite", "UPDATE notifications_sent SET sent_at")]
    public async Task Should_print_the_business_tables_migrations_after_the_engine_script(string dialect, string businessStatement)
    {
        using var output = new StringWriter();

        var exitCode = await CommandLine.Invoke(["schema", "--dialect", dialect], output, TextWriter.Null);

        var script = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(script, Does.Contain(businessStatement));
            Assert.That(script, Does.Contain("schema_journal"));
            foreach (var service in new[] { "orders", "payments", "kitchen", "notifications" })
            {
                var engine = script.IndexOf($"engine tables of endpoint '{service}'", StringComparison.Ordinal);
                var business = script.IndexOf($"business tables of '{service}'", StringComparison.Ordinal);
                Assert.That(business, Is.GreaterThan(engine).And.GreaterThan(-1), service);
                Assert.That(script, Does.Contain($"SELECT '{service}', '0001_initial'"), service);
            }
        });
    }

    [Test]
    public async Task Should_refuse_an_unknown_dialect_naming_the_choices()
    {
        using var error = new StringWriter();
        var exitCode = await CommandLine.Invoke(["schema", "--dialect", "oracle"], TextWriter.Null, error);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain("--dialect 'oracle'").And.Contain("postgresql, sqlserver, sqlite"));
        });
    }
}
