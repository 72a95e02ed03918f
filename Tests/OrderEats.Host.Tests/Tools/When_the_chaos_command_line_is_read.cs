using OrderEats.Chaos;
using OrderEats.TestInfrastructure.CommandLines;

namespace OrderEats.Host.Tests.Tools;

[TestFixture]
public class When_the_chaos_command_line_is_read
{
    [Test]
    public void Should_read_the_options_tests_run_sh_passes()
    {
        var read = ChaosOptions.TryParse(
            ["--orders", "300", "--rate", "20", "--instances", "1", "--kills", "3", "--broker-cluster", "3", "--broker-node-kills", "1", "--db-crashes", "1",
                "--broker-restarts", "0", "--db-restarts", "0", "--settle-timeout", "180"],
            TextWriter.Null, TextWriter.Null, out var options, out _);

        Assert.That(read, Is.True);
        Assert.That(options, Is.EqualTo(new ChaosOptions
        {
            Orders = 300, Rate = 20, Instances = 1, Kills = 3, BrokerCluster = 3, BrokerNodeKills = 1, DbCrashes = 1, BrokerRestarts = 0, DbRestarts = 0,
            SettleTimeout = TimeSpan.FromSeconds(180),
        }));
    }

    [Test]
    public void Should_keep_the_defaults_of_options_not_given()
    {
        Assert.That(ChaosOptions.TryParse([], TextWriter.Null, TextWriter.Null, out var options, out _), Is.True);
        Assert.That(options, Is.EqualTo(new ChaosOptions()));
    }

    [Test]
    public void Should_print_help_and_not_run()
    {
        using var output = new StringWriter();
        var read = ChaosOptions.TryParse(["--help"], output, TextWriter.Null, out _, out var exitCode);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(exitCode, Is.Zero);
            Assert.That(output.ToString(), Does.Contain("--orders").And.Contain("--broker-node-kills").And.Contain("--settle-timeout"));
        });
    }

    [TestCase(new[] { "--ordres", "5" }, "--ordres")]
    [TestCase(new[] { "--orders", "many" }, "--orders")]
    [TestCase(new[] { "--rate", "0" }, "--rate")]
    [TestCase(new[] { "--broker-node-kills", "1" }, "--broker-cluster 3")]
    public void Should_refuse_a_bad_command_line_naming_the_option(string[] args, string named)
    {
        using var error = new StringWriter();
        var read = ChaosOptions.TryParse(args, TextWriter.Null, error, out _, out var exitCode);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(exitCode, Is.EqualTo(ToolCommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain(named));
        });
    }
}
