using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class When_a_receiver_died_with_messages_in_flight
{
    private LearningFolder folder = null!;
    private LearningTransport transport = null!;

    [SetUp]
    public async Task SetUp()
    {
        folder = new LearningFolder();
        transport = new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance);
        await transport.Setup(new TransportSetup("orders", "error", []));
    }

    [TearDown]
    public async Task TearDown()
    {
        await transport.DisposeAsync();
        folder.Dispose();
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Should_return_them_to_the_queue(bool lockFileLeftBehind)
    {
        var sent = LearningTestMessages.New();
        var owner = await MoveIntoInFlightOwner(sent, "dead-owner");
        if (lockFileLeftBehind)
        {
            // Not held open by anyone: its flock died with the owner.
            await File.WriteAllTextAsync(owner + ".lock", "");
        }

        var (receiver, received) = await LearningTestMessages.ReceiveInto(transport, "orders");
        var message = await received.Next();
        await receiver.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(Directory.Exists(owner), Is.False, "the dead owner's folder");
            Assert.That(File.Exists(owner + ".lock"), Is.False, "the dead owner's lock file");
        });
    }

    [Test]
    public async Task Should_leave_the_messages_of_a_live_owner_alone()
    {
        var owner = await MoveIntoInFlightOwner(LearningTestMessages.New(), "live-owner");
        await using var heldLock = new FileStream(owner + ".lock", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);

        var (receiver, received) = await LearningTestMessages.ReceiveInto(transport, "orders");
        var marker = LearningTestMessages.New();
        await transport.Dispatch([TransportOperation.Send(marker, "orders")]);
        var first = await received.Next();
        await receiver.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.MessageId, Is.EqualTo(marker.MessageId));
            Assert.That(Directory.EnumerateFiles(owner), Has.Exactly(1).Items, "the live owner's message");
        });
    }

    private async Task<string> MoveIntoInFlightOwner(OutgoingMessage message, string ownerId)
    {
        await transport.Dispatch([TransportOperation.Send(message, "orders")]);
        var queued = Directory.EnumerateFiles(folder.Queue("orders"), "*.json").Single();
        var owner = Path.Combine(folder.InFlight("orders"), ownerId);
        Directory.CreateDirectory(owner);
        File.Move(queued, Path.Combine(owner, Path.GetFileName(queued)));
        return owner;
    }
}
