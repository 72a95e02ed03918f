using System.Text;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_dispatching_with_publisher_confirms
{
    private RabbitMqTransport transport = null!;
    private RawAmqp amqp = null!;

    [SetUp]
    public async Task Connect()
    {
        transport = TestTransports.Create();
        amqp = await RawAmqp.Connect();
    }

    [TearDown]
    public async Task Disconnect()
    {
        await amqp.DisposeAsync();
        await transport.DisposeAsync();
    }

    [Test]
    public async Task Should_throw_a_routing_error_when_the_queue_does_not_exist()
    {
        var missing = RabbitMqBroker.UniqueName("missing");

        var exception = Assert.ThrowsAsync<InvalidOperationException>(
            async () => await transport.Dispatch([TransportOperation.Send(TestMessages.New("lost"), missing)]));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain(missing).And.Contain("does not exist"));
            Assert.That(exception.InnerException, Is.InstanceOf<OperationInterruptedException>());
        });
    }

    [Test]
    public async Task Should_throw_a_routing_error_when_the_queue_was_deleted_but_its_exchange_remains()
    {
        var deleted = RabbitMqBroker.UniqueName("deleted");
        await amqp.Channel.ExchangeDeclareAsync(deleted, ExchangeType.Fanout, durable: false, autoDelete: false);

        var exception = Assert.ThrowsAsync<InvalidOperationException>(
            async () => await transport.Dispatch([TransportOperation.Send(TestMessages.New("lost"), deleted)]));
        await amqp.Channel.ExchangeDeleteAsync(deleted);

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain(deleted).And.Contain("does not exist"));
            Assert.That(exception.InnerException, Is.InstanceOf<PublishException>().With.Property(nameof(PublishException.IsReturn)).True);
        });
    }

    [Test]
    public async Task Should_throw_when_the_broker_nacks_the_message()
    {
        var full = RabbitMqBroker.UniqueName("full");
        await amqp.Channel.QueueDeclareAsync(full, durable: true, exclusive: false, autoDelete: true, arguments: new Dictionary<string, object?>
        {
            ["x-max-length"] = 0,
            ["x-overflow"] = "reject-publish",
        });
        // Sends go to the queue's exchange of the same name (the engine's topology).
        await amqp.Channel.ExchangeDeclareAsync(full, ExchangeType.Fanout, durable: false, autoDelete: true);
        await amqp.Channel.QueueBindAsync(full, full, string.Empty);

        var exception = Assert.ThrowsAsync<InvalidOperationException>(
            async () => await transport.Dispatch([TransportOperation.Send(TestMessages.New("no room"), full)]));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("nacked").And.Contain(full));
            Assert.That(exception.InnerException, Is.InstanceOf<PublishException>().With.Property(nameof(PublishException.IsReturn)).False);
        });
    }

    [Test]
    public async Task Should_put_a_persistent_message_with_amqp_properties_and_string_headers_on_the_wire()
    {
        var queue = RabbitMqBroker.UniqueName("wire");
        await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));
        var message = TestMessages.New("wire", new Dictionary<string, string>
        {
            [Headers.CorrelationId] = "correlation-1",
            [Headers.ReplyToAddress] = "replies",
            [Headers.EnclosedMessageTypes] = "OrderEats.Messages.Commands.PlaceOrder;OrderEats.Messages.ICommandBase",
            [Headers.TimeSent] = "2026-11-25T08:00:00.0000000Z",
        });

        await transport.Dispatch([TransportOperation.Send(message, queue)]);
        var got = await amqp.Channel.BasicGetAsync(queue, autoAck: true);

        Assert.That(got, Is.Not.Null);
        var properties = got!.BasicProperties;
        Assert.Multiple(() =>
        {
            Assert.That(properties.MessageId, Is.EqualTo(message.MessageId));
            Assert.That(properties.CorrelationId, Is.EqualTo("correlation-1"));
            Assert.That(properties.ReplyTo, Is.EqualTo("replies"));
            Assert.That(properties.Type, Is.EqualTo("OrderEats.Messages.Commands.PlaceOrder"));
            Assert.That(properties.ContentType, Is.EqualTo("application/json"));
            Assert.That(properties.DeliveryMode, Is.EqualTo(DeliveryModes.Persistent));
            Assert.That(properties.Timestamp.UnixTime, Is.EqualTo(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()));
            Assert.That(Encoding.UTF8.GetString((byte[])properties.Headers![Headers.ReplyToAddress]!), Is.EqualTo("replies"));
            Assert.That(got.Body.ToArray(), Is.EqualTo(message.Body.ToArray()));
        });
    }

    [Test]
    public async Task Should_reach_subscribers_of_a_base_type_through_the_hierarchy_exchanges()
    {
        var baseType = RabbitMqBroker.UniqueName("Contracts.IOrderEvent");
        var concrete = RabbitMqBroker.UniqueName("Contracts.OrderCancelled");
        var subscriber = RabbitMqBroker.UniqueName("notifications");
        await transport.Setup(new TransportSetup(subscriber, RabbitMqBroker.UniqueName("error"), [baseType]));
        var inbox = new Inbox();
        await using var receiver = await transport.Receive(new ReceiveSettings(subscriber, 1, "error"), inbox.Callback);

        var published = TestMessages.New("cancelled");
        await transport.Dispatch([TransportOperation.Publish(published, [concrete, baseType])]);

        Assert.That((await inbox.Next()).Message.MessageId, Is.EqualTo(published.MessageId));
    }
}
