using OrderEats.Benchmarks;

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
}
