using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>A channel-level error (e.g. the broker's ack timeout) closes only the channel, which automatic recovery does not reopen.</summary>
[TestFixture]
public sealed class When_the_broker_closes_the_receive_channel
{
    [Test]
    public async Task Should_consume_again_on_a_new_channel()
    {
        await using var transport = TestTransports.Create();
        var queue = RabbitMqBroker.UniqueName("channel-error");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var inbox = new Inbox();
        var pump = (MessagePump)await transport.Receive(new ReceiveSettings(queue, 1, errorQueue), inbox.Callback);
        await using var stop = pump;
        var before = TestMessages.New("before");
        await transport.Dispatch([TransportOperation.Send(before, queue)]);
        Assert.That((await inbox.Next()).Message.MessageId, Is.EqualTo(before.MessageId));
        // Acknowledging a delivery tag the broker never issued is a channel error: it closes the channel with 406.
        await pump.Channel!.BasicAckAsync(987_654, multiple: false);
        var after = TestMessages.New("after");
        await transport.Dispatch([TransportOperation.Send(after, queue)]);

        var received = await inbox.Next();

        Assert.That(received.Message.MessageId, Is.EqualTo(after.MessageId));
    }
}
