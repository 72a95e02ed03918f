namespace OrderEats.Host.Tests;

[TestFixture]
public class When_the_schema_command_runs
{
    [TestCase("postgresql", "jsonb")]
    [TestCase("sqlserver", "nvarchar(max)")]
    [TestCase("sqlite", "CREATE TABLE IF NOT EXISTS")]
    public void Should_print_every_service_database_with_the_saga_and_outbox_tables(string dialect, string dialectMarker)
    {
        using var output = new StringWriter();

        var exitCode = SchemaCommand.Run(CommandLine.Parse(["schema", "--dialect", dialect]), output);

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
    public void Should_refuse_an_unknown_dialect_naming_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => SchemaCommand.Run(CommandLine.Parse(["schema", "--dialect", "oracle"]), TextWriter.Null));
        Assert.That(error!.Message, Does.Contain("postgresql, sqlserver, sqlite"));
    }
}
