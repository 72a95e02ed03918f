using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class When_a_receiving_process_is_killed
{
    private const int MessageCount = 300;
    private const int KillAfter = 100;
    private const int Concurrency = 4;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Should_lose_no_message_and_leave_no_torn_or_orphaned_file()
    {
        using var folder = new LearningFolder();
        var ids = Enumerable.Range(0, MessageCount).Select(_ => Guid.NewGuid().ToString()).ToList();
        await using (var transport = new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance))
        {
            await transport.Setup(new TransportSetup("in", "error", [], ["out"]));
            await transport.Dispatch([.. ids.Select(id => TransportOperation.Send(Message(id), "in"))]);
        }

        int processedBeforeKill;
        using (var first = CrashTargetProcess.Start(folder.Root, Concurrency))
        {
            await first.WaitForProcessed(KillAfter).WaitAsync(Timeout);
            await first.Kill().WaitAsync(Timeout);
            processedBeforeKill = first.Processed.Count;
        }

        // The killed process can no longer move anything: what the restart must process is what is queued or was in flight.
        var left = MessageFiles(folder.Queue("in")).Count + Directory.EnumerateFiles(folder.InFlight("in"), "*.json", SearchOption.AllDirectories).Count();
        using (var second = CrashTargetProcess.Start(folder.Root, Concurrency))
        {
            await second.WaitForProcessed(left).WaitAsync(Timeout);
            Assert.That(await second.Stop().WaitAsync(Timeout), Is.Zero, second.ErrorOutput);
        }

        var output = MessageFiles(folder.Queue("out")).Select(file => LearningEnvelope.TryParse(File.ReadAllBytes(file), out _)).ToList();
        var outputIds = output.Select(envelope => envelope?.Id).ToList();
        await TestContext.Out.WriteLineAsync(
            $"Killed after {processedBeforeKill} processed; {left} left for the restart; {outputIds.Count - outputIds.Distinct().Count()} duplicates in 'out'.");
        Assert.Multiple(() =>
        {
            Assert.That(output, Has.None.Null, "a torn or unreadable file in 'out'");
            Assert.That(outputIds.Distinct(), Is.EquivalentTo(ids), "every input must be relayed exactly to 'out'");
            Assert.That(outputIds, Has.Count.LessThanOrEqualTo(MessageCount + Concurrency), "duplicates beyond the messages in flight at the kill");
            Assert.That(MessageFiles(folder.Queue("in")), Is.Empty, "'in' must be drained");
            Assert.That(Directory.EnumerateFileSystemEntries(folder.InFlight("in"), "*", SearchOption.AllDirectories), Is.Empty, "orphaned in-flight files");
        });
    }

    private static List<string> MessageFiles(string queueFolder) => [.. Directory.EnumerateFiles(queueFolder, "*.json")];

    private static OutgoingMessage Message(string id) =>
        new(id, new Dictionary<string, string> { [Headers.MessageId] = id }, Encoding.UTF8.GetBytes($"{{\"orderId\":\"{id}\"}}"));
}
