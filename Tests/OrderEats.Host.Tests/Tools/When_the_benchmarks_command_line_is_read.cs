using OrderEats.Benchmarks;
using OrderEats.TestInfrastructure.CommandLines;

namespace OrderEats.Host.Tests.Tools;

[TestFixture]
public class When_the_benchmarks_command_line_is_read
{
    [Test]
    public void Should_read_scenarios_baselines_first_and_their_options()
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

    [Test]
    public void Should_print_help_and_not_run()
    {
        using var output = new StringWriter();
        var read = BenchOptions.TryParse(["--help"], output, TextWriter.Null, out _, out var exitCode);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(exitCode, Is.Zero);
            Assert.That(output.ToString(), Does.Contain("--duration").And.Contain("--scale").And.Contain("order-saga"));
        });
    }

    [TestCase(new[] { "raw-chain", "--duraton", "5" }, "--duraton")]
    [TestCase(new[] { "raw-chain", "--hops", "none" }, "--hops")]
    [TestCase(new[] { "raw-chian" }, "raw-chian")]
    [TestCase(new[] { "raw-chain", "--scale", "1,x" }, "--scale")]
    public void Should_refuse_a_bad_command_line_naming_the_option(string[] args, string named)
    {
        using var error = new StringWriter();
        var read = BenchOptions.TryParse(args, TextWriter.Null, error, out _, out var exitCode);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(exitCode, Is.EqualTo(ToolCommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain(named));
        });
    }
}
