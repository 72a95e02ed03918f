using System.Text;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_receiving_unreadable_messages
{
    private RabbitMqTransport transport = null!;
    private RawAmqp amqp = null!;
    private string queue = null!;
    private Inbox inbox = null!;
    private IAsyncDisposable receiver = null!;

    [SetUp]
    public async Task Connect()
    {
        transport = TestTransports.Create();
        amqp = await RawAmqp.Connect();
        queue = RabbitMqBroker.UniqueName("poison");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        inbox = new Inbox();
        receiver = await transport.Receive(new ReceiveSettings(queue, 1, errorQueue), inbox.Callback);
    }

    [TearDown]
    public async Task Disconnect()
    {
        await receiver.DisposeAsync();
        await amqp.DisposeAsync();
        await transport.DisposeAsync();
    }

    [Test]
    public async Task Should_hand_over_a_message_without_message_id_with_a_generated_id_and_a_transport_error()
    {
        await amqp.Send(queue, new BasicProperties { Persistent = true }, "{\"orderId\":1}"u8.ToArray());

        var (message, _) = await inbox.Next();

        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(message.MessageId, out _), Is.True);
            Assert.That(message.TransportError, Does.Contain("message_id"));
            Assert.That(message.Body.ToArray(), Is.EqualTo("{\"orderId\":1}"u8.ToArray()));
        });
    }

    [Test]
    public async Task Should_report_a_table_valued_header_as_a_transport_error()
    {
        var headers = new Dictionary<string, object?> { ["Garbage"] = new Dictionary<string, object?> { ["nested"] = 1 } };
        await amqp.Send(queue, new BasicProperties { MessageId = "m-table", Headers = headers }, "{}"u8.ToArray());

        var (message, _) = await inbox.Next();

        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo("m-table"));
            Assert.That(message.TransportError, Does.Contain("'Garbage'"));
        });
    }

    [Test]
    public async Task Should_report_a_header_that_is_not_utf8_as_a_transport_error()
    {
        var headers = new Dictionary<string, object?> { ["Broken"] = new byte[] { 0xC3, 0x28, 0xFF } };
        await amqp.Send(queue, new BasicProperties { MessageId = "m-bytes", Headers = headers }, "{}"u8.ToArray());

        var (message, _) = await inbox.Next();

        Assert.That(message.TransportError, Does.Contain("'Broken'").And.Contain("UTF-8"));
    }

    [Test]
    public async Task Should_read_scalar_headers_as_invariant_strings_and_leave_out_broker_headers()
    {
        var headers = new Dictionary<string, object?>
        {
            ["Text"] = Encoding.UTF8.GetBytes("grüße"),
            ["Count"] = 42,
            ["Big"] = 1234567890123L,
            ["Ratio"] = 1.5,
            ["Flag"] = true,
            ["When"] = new AmqpTimestamp(1_700_000_000),
            ["x-death"] = new List<object?> { new Dictionary<string, object?> { ["count"] = 1L } },
        };
        await amqp.Send(queue, new BasicProperties { MessageId = "m-scalars", Headers = headers }, "{}"u8.ToArray());

        var (message, _) = await inbox.Next();

        Assert.Multiple(() =>
        {
            Assert.That(message.TransportError, Is.Null);
            Assert.That(message.Headers["Text"], Is.EqualTo("grüße"));
            Assert.That(message.Headers["Count"], Is.EqualTo("42"));
            Assert.That(message.Headers["Big"], Is.EqualTo("1234567890123"));
            Assert.That(message.Headers["Ratio"], Is.EqualTo("1.5"));
            Assert.That(message.Headers["Flag"], Is.EqualTo("True"));
            Assert.That(message.Headers["When"], Is.EqualTo("2023-11-14T22:13:20.0000000+00:00"));
            Assert.That(message.Headers.Keys, Has.None.StartsWith("x-"));
        });
    }

    [Test]
    public async Task Should_fill_engine_headers_from_the_amqp_properties_of_a_foreign_client()
    {
        var properties = new BasicProperties
        {
            MessageId = "node-1",
            CorrelationId = "corr-1",
            ReplyTo = "node-replies",
            Type = "OrderEats.Messages.Commands.PlaceOrder",
            ContentType = "application/json",
            Timestamp = new AmqpTimestamp(1_700_000_000),
            Persistent = true,
        };
        await amqp.Send(queue, properties, "{\"orderId\":\"o-1\"}"u8.ToArray());

        var (message, _) = await inbox.Next();

        Assert.Multiple(() =>
        {
            Assert.That(message.TransportError, Is.Null);
            Assert.That(message.Headers[Headers.MessageId], Is.EqualTo("node-1"));
            Assert.That(message.Headers[Headers.CorrelationId], Is.EqualTo("corr-1"));
            Assert.That(message.Headers[Headers.ReplyToAddress], Is.EqualTo("node-replies"));
            Assert.That(message.Headers[Headers.EnclosedMessageTypes], Is.EqualTo("OrderEats.Messages.Commands.PlaceOrder"));
            Assert.That(message.Headers[Headers.ContentType], Is.EqualTo("application/json"));
            Assert.That(message.Headers[Headers.TimeSent], Is.EqualTo("2023-11-14T22:13:20.0000000+00:00"));
        });
    }
}
