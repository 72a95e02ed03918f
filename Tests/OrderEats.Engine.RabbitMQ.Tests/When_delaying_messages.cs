using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_delaying_messages
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    // Delays are whole seconds rounded up, so a message is never early; the clock reading around the send is the only slack.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(200);
    private static readonly int[] DelaysInSendOrder = [3, 1, 2];

    private RabbitMqTransport transport = null!;
    private string errorQueue = null!;

    [SetUp]
    public void Connect()
    {
        transport = TestTransports.Create();
        errorQueue = RabbitMqBroker.UniqueName("error");
    }

    [TearDown]
    public async Task Disconnect() => await transport.DisposeAsync();

    [Test]
    public async Task Should_deliver_each_message_when_due_in_due_order()
    {
        var queue = RabbitMqBroker.UniqueName("delayed");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var inbox = new Inbox();
        await using var receiver = await transport.Receive(new ReceiveSettings(queue, 4, errorQueue), inbox.Callback);
        var now = Clock.GetUtcNow();
        var due = DelaysInSendOrder.Select(s => (Message: TestMessages.New($"in {s} s"), At: now.AddSeconds(s))).ToList();

        await transport.Dispatch([.. due.Select(d => TransportOperation.Send(d.Message, queue, d.At))]);
        var arrivals = new List<(IncomingMessage Message, DateTimeOffset At)> { await inbox.Next(), await inbox.Next(), await inbox.Next() };

        var expected = due.OrderBy(d => d.At).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(arrivals.Select(a => a.Message.MessageId), Is.EqualTo(expected.Select(d => d.Message.MessageId)));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.That(arrivals[i].At, Is.GreaterThanOrEqualTo(expected[i].At - ClockSlack), $"message due at +{(expected[i].At - now).TotalSeconds} s arrived early");
                Assert.That(arrivals[i].Message.Headers[Headers.DelayedDestination], Is.EqualTo(queue));
            }
        });
    }

    [Test]
    public async Task Should_not_hold_back_other_messages_when_a_destination_queue_was_deleted()
    {
        var doomed = RabbitMqBroker.UniqueName("doomed");
        var alive = RabbitMqBroker.UniqueName("alive");
        await transport.Setup(new TransportSetup(doomed, errorQueue, [], [alive]));
        var now = Clock.GetUtcNow();
        var orphan = TestMessages.New("for a deleted queue");
        var survivor = TestMessages.New("for a live queue");

        // Both pass level 1; the orphan is ahead of the survivor in it and reaches the end of the cascade first.
        await transport.Dispatch([TransportOperation.Send(orphan, doomed, now.AddSeconds(2)), TransportOperation.Send(survivor, alive, now.AddSeconds(3))]);
        await using (var amqp = await RawAmqp.Connect())
        {
            await amqp.Channel.QueueDeleteAsync(doomed, ifUnused: false, ifEmpty: false);
        }

        var aliveInbox = new Inbox();
        var errorInbox = new Inbox();
        await using var aliveReceiver = await transport.Receive(new ReceiveSettings(alive, 1, errorQueue), aliveInbox.Callback);
        await using var errorReceiver = await transport.Receive(new ReceiveSettings(errorQueue, 1, errorQueue), errorInbox.Callback);

        var delivered = await aliveInbox.Next();
        var parked = await errorInbox.Next();
        Assert.Multiple(() =>
        {
            Assert.That(delivered.Message.MessageId, Is.EqualTo(survivor.MessageId));
            Assert.That(parked.Message.MessageId, Is.EqualTo(orphan.MessageId));
            Assert.That(parked.Message.Headers[Headers.DelayedDestination], Is.EqualTo(doomed));
        });
    }

    [Test]
    public async Task Should_throw_when_scheduling_for_a_queue_that_does_not_exist()
    {
        var missing = RabbitMqBroker.UniqueName("missing");

        var exception = Assert.ThrowsAsync<InvalidOperationException>(
            async () => await transport.Dispatch([TransportOperation.Send(TestMessages.New("never"), missing, Clock.GetUtcNow().AddMinutes(5))]));

        Assert.That(exception!.Message, Does.Contain(missing).And.Contain("does not exist"));
    }

    [Test]
    public async Task Should_send_at_once_when_the_due_time_has_passed()
    {
        var queue = RabbitMqBroker.UniqueName("overdue");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var inbox = new Inbox();
        await using var receiver = await transport.Receive(new ReceiveSettings(queue, 1, errorQueue), inbox.Callback);
        var overdue = TestMessages.New("overdue");

        await transport.Dispatch([TransportOperation.Send(overdue, queue, Clock.GetUtcNow().AddMinutes(-1))]);

        Assert.That((await inbox.Next()).Message.MessageId, Is.EqualTo(overdue.MessageId));
    }
}
