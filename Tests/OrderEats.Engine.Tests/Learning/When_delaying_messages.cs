using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class When_delaying_messages
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private LearningFolder folder = null!;
    private LearningTransport transport = null!;

    [SetUp]
    public async Task SetUp()
    {
        folder = new LearningFolder();
        transport = new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance);
        await transport.Setup(new TransportSetup("here", "error", [], ["gone"]));
    }

    [TearDown]
    public async Task TearDown()
    {
        await transport.DisposeAsync();
        folder.Dispose();
    }

    [Test]
    public async Task Should_keep_a_long_delay_in_the_delayed_folder_under_its_due_time()
    {
        var deliverAt = Clock.GetUtcNow().AddDays(30);

        await transport.Dispatch([TransportOperation.Send(LearningTestMessages.New(), "here", deliverAt)]);

        var delayed = Directory.EnumerateFiles(Path.Combine(folder.Root, ".delayed"), "*.json").Single();
        Assert.Multiple(() =>
        {
            Assert.That(MessageFile.TryGetDue(Path.GetFileName(delayed), out var due), Is.True);
            Assert.That(due, Is.EqualTo(deliverAt).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(Directory.EnumerateFiles(folder.Queue("here")), Is.Empty);
        });
    }

    [Test]
    public async Task Should_deliver_the_others_when_one_destination_queue_was_deleted()
    {
        var now = Clock.GetUtcNow();
        await transport.Dispatch([TransportOperation.Send(LearningTestMessages.New(), "gone", now.AddSeconds(1))]);
        Directory.Delete(folder.Queue("gone"));
        var deliverable = LearningTestMessages.New();
        await transport.Dispatch([TransportOperation.Send(deliverable, "here", now.AddSeconds(1.2))]);

        var (receiver, received) = await LearningTestMessages.ReceiveInto(transport, "here");
        var message = await received.Next();
        await receiver.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(deliverable.MessageId));
            Assert.That(Directory.EnumerateFiles(Path.Combine(folder.Root, ".delayed"), "*.json"), Has.Exactly(1).Items, "the undeliverable one waits");
        });
    }
}
