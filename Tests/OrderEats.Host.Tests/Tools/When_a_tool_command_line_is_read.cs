using OrderEats.Benchmarks;
using OrderEats.Chaos;
using OrderEats.TestInfrastructure.CommandLines;

namespace OrderEats.Host.Tests.Tools;

[TestFixture]
public class When_a_tool_command_line_is_read
{
    [Test]
    public void Should_read_the_chaos_options_tests_run_sh_passes()
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
    public void Should_keep_the_chaos_defaults_of_options_not_given()
    {
        Assert.That(ChaosOptions.TryParse([], TextWriter.Null, TextWriter.Null, out var options, out _), Is.True);
        Assert.That(options, Is.EqualTo(new ChaosOptions()));
    }

    [Test]
    public void Should_read_benchmark_scenarios_baselines_first_and_their_options()
    {
        var read = BenchOptions.TryParse(
            ["engine-chain", "raw-chain", "engine-chain-no-limit", "--duration", "20", "--scale", "1,4", "--report", "/tmp/b.md", "--no-fsync"],
            TextWriter.Null, TextWriter.Null, out var options, out _);

        Assert.That(read, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(options!.Scenarios, Is.EqualTo(new[] { "raw-chain", "engine-chain", "engine-chain-no-limit" }));
            Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(options.Warmup, Is.EqualTo(TimeSpan.FromSeconds(3)), "the default warm-up");
            Assert.That(options.ScaleInstances, Is.EqualTo(new[] { 1, 4 }));
            Assert.That(options.Report, Is.EqualTo("/tmp/b.md"));
            Assert.That(options.NoFsync, Is.True);
        });
    }

    [TestCase("chaos", "--orders", "--broker-node-kills", "--settle-timeout")]
    [TestCase("benchmarks", "--duration", "--scale", "order-saga")]
    public void Should_print_help_and_not_run(string tool, string first, string second, string third)
    {
        using var output = new StringWriter();
        var (read, exitCode) = TryParse(tool, ["--help"], output, TextWriter.Null);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(exitCode, Is.Zero);
            Assert.That(output.ToString(), Does.Contain(first).And.Contain(second).And.Contain(third));
        });
    }

    [TestCase("chaos", new[] { "--ordres", "5" }, "--ordres")]
    [TestCase("chaos", new[] { "--orders", "many" }, "--orders")]
    [TestCase("chaos", new[] { "--rate", "0" }, "--rate")]
    [TestCase("chaos", new[] { "--broker-node-kills", "1" }, "--broker-cluster 3")]
    [TestCase("benchmarks", new[] { "raw-chain", "--duraton", "5" }, "--duraton")]
    [TestCase("benchmarks", new[] { "raw-chain", "--hops", "none" }, "--hops")]
    [TestCase("benchmarks", new[] { "raw-chian" }, "raw-chian")]
    [TestCase("benchmarks", new[] { "raw-chain", "--scale", "1,x" }, "--scale")]
    public void Should_refuse_it_naming_the_option(string tool, string[] args, string named)
    {
        using var error = new StringWriter();
        var (read, exitCode) = TryParse(tool, args, TextWriter.Null, error);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(exitCode, Is.EqualTo(ToolCommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain(named));
        });
    }

    private static (bool Read, int ExitCode) TryParse(string tool, string[] args, TextWriter output, TextWriter error)
    {
        int exitCode;
        var read = tool == "chaos"
            ? ChaosOptions.TryParse(args, output, error, out _, out exitCode)
            : BenchOptions.TryParse(args, output, error, out _, out exitCode);
        return (read, exitCode);
    }
}
