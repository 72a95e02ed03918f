using OrderEats.Benchmarks;
using OrderEats.Chaos;
using OrderEats.TestInfrastructure.CommandLines;

namespace OrderEats.Host.Tests.Tools;

[TestFixture]
public class When_a_tool_is_asked_for_help_or_given_a_bad_command_line
{
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
