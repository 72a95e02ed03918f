using System.Text.Json;

namespace OrderEats.Host.Tests;

[TestFixture]
public class When_the_demo_runs_on_the_embedded_default
{
    [Test]
    public async Task Should_settle_every_order_and_hold_every_invariant()
    {
        var data = Path.Combine(Path.GetTempPath(), "ordereats-demo-test-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        try
        {
            var exitCode = await DemoCommand.Run(CommandLine.Parse(["demo", "--orders", "300", "--data", data, "--timeout", "240"]), output);

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            using var result = JsonDocument.Parse(lines[^1]);
            var root = result.RootElement;
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Zero, output.ToString());
                Assert.That(root.GetProperty("orders").GetInt32(), Is.EqualTo(300));
                Assert.That(root.GetProperty("completed").GetInt32() + root.GetProperty("cancelled").GetInt32(), Is.EqualTo(300));
                Assert.That(root.GetProperty("cancelled").GetInt32(), Is.GreaterThan(0), "the failure mix cancels some orders");
                foreach (var zero in new[] { "stuck", "double_charges", "unrefunded_cancellations", "duplicate_notifications", "error_queue" })
                {
                    Assert.That(root.GetProperty(zero).GetInt32(), Is.Zero, zero);
                }
            });
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
