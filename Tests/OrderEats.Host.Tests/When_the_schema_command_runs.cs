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
