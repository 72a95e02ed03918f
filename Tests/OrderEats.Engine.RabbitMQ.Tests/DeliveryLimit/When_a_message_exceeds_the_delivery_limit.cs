using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests.DeliveryLimit;

/// <summary>A consumer that dies with the message every time: the queue's delivery limit dead-letters it to the error queue, at least once.</summary>
[TestFixture]
public sealed class When_a_message_exceeds_the_delivery_limit
{
    private const int Limit = 2;

    [Test]
    public async Task Should_move_it_to_the_error_queue_with_failure_headers_from_x_death()
    {
        await using var transport = TestTransports.Create(options => { options.DeliveryLimit = Limit; options.MaxRequeues = 1; });
        var queue = RabbitMqBroker.UniqueName("limit");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var sent = TestMessages.New("dies every time");
        await transport.Dispatch([TransportOperation.Send(sent, queue)]);

        // The first delivery and Limit redeliveries die; the return after the last is over the limit.
        for (var delivery = 0; delivery <= Limit; delivery++)
        {
            Assert.That(await DroppingConsumer.TakeAndDrop(BrokerSetUpFixture.Broker.AmqpUri, queue), Is.EqualTo(delivery));
        }

        var inbox = new Inbox();
        await using var errors = await transport.Receive(new ReceiveSettings(errorQueue, 1, errorQueue), inbox.Callback);
        var (failed, _) = await inbox.Next();

        Assert.Multiple(() =>
        {
            Assert.That(failed.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(failed.Body.ToArray(), Is.EqualTo(sent.Body.ToArray()));
            Assert.That(failed.Headers[Headers.FailedQueue], Is.EqualTo(queue));
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo("OrderEats.Engine.RabbitMQ.DeliveryLimitExceeded"));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("delivery limit").And.Contain(queue));
            Assert.That(failed.Headers, Does.ContainKey(Headers.TimeOfFailure));
        });
    }

    [Test]
    public async Task Should_park_a_message_the_error_queue_consumer_dies_with_its_own_failure_headers()
    {
        await using var transport = TestTransports.Create(options => { options.DeliveryLimit = Limit; options.MaxRequeues = 1; });
        var queue = RabbitMqBroker.UniqueName("limit");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var sent = TestMessages.New("kills the console too", new Dictionary<string, string>
        {
            [Headers.FailedQueue] = queue,
            [Headers.ExceptionType] = "System.InvalidOperationException",
        });
        await transport.Dispatch([TransportOperation.Send(sent, errorQueue)]);

        for (var delivery = 0; delivery <= Limit; delivery++)
        {
            await DroppingConsumer.TakeAndDrop(BrokerSetUpFixture.Broker.AmqpUri, errorQueue);
        }

        var inbox = new Inbox();
        await using var parked = await transport.Receive(new ReceiveSettings(errorQueue + ".parked", 1, errorQueue), inbox.Callback);
        var (message, _) = await inbox.Next();

        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(message.Headers[Headers.FailedQueue], Is.EqualTo(queue));
            Assert.That(message.Headers[Headers.ExceptionType], Is.EqualTo("System.InvalidOperationException"));
        });
    }
}
