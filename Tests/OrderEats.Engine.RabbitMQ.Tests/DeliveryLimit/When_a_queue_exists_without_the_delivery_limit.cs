using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests.DeliveryLimit;

/// <summary>A queue an earlier version declared (quorum, no limit, no dead-lettering) cannot be changed in place: setup says so and how to migrate.</summary>
[TestFixture]
public sealed class When_a_queue_exists_without_the_delivery_limit
{
    private string queue = null!;

    [SetUp]
    public async Task DeclareTheOldWay()
    {
        queue = RabbitMqBroker.UniqueName("legacy");
        await using var amqp = await RawAmqp.Connect();
        await amqp.Channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
    }

    [Test]
    public async Task Should_refuse_to_start_and_say_how_to_migrate()
    {
        await using var transport = TestTransports.Create();

        var exception = Assert.ThrowsAsync<InvalidOperationException>(async () => await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), [])));

        Assert.That(
            exception!.Message,
            Does.Contain(queue).And.Contain("without the delivery limit").And.Contain("cannot change a queue's arguments in place")
                .And.Contain("docs/production.md").And.Contain("DeliveryLimit to null"));
    }

    [Test]
    public async Task Should_start_on_it_when_the_delivery_limit_is_turned_off()
    {
        await using var transport = TestTransports.Create(options => options.DeliveryLimit = null);
        await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));
        var inbox = new Inbox();
        await using var receiver = await transport.Receive(new ReceiveSettings(queue, 1, "error"), inbox.Callback);
        var sent = TestMessages.New("still works");

        await transport.Dispatch([TransportOperation.Send(sent, queue)]);

        Assert.That((await inbox.Next()).Message.MessageId, Is.EqualTo(sent.MessageId));
    }
}
