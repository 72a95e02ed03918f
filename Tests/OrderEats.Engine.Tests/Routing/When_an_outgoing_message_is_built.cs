using OrderEats.Engine.Routing;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Routing;

[TestFixture]
public class When_an_outgoing_message_is_built
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly string[] ExpectedHierarchy =
    [
        "OrderEats.Engine.Tests.Routing.When_an_outgoing_message_is_built.SomethingHappened",
        "OrderEats.Engine.Tests.Routing.When_an_outgoing_message_is_built.IHappening",
    ];

    private EndpointConfiguration configuration = null!;
    private OutgoingMessageFactory factory = null!;

    [SetUp]
    public void SetUp()
    {
        configuration = new EndpointConfiguration("orders") { HostName = "host-1" };
        configuration.Routing.RouteToEndpoint<ChargeIt>("payments");
        var registry = new MessageTypeRegistry();
        factory = new OutgoingMessageFactory(configuration, registry, new MessageSerializer(configuration.SerializerOptions));
    }

    [Test]
    public void Should_route_a_command_and_write_the_standard_headers()
    {
        var operation = factory.Create(new ChargeIt(7), MessageIntent.Send, null, null, TimeProvider.System);
        var headers = operation.Message.Headers;
        Assert.Multiple(() =>
        {
            Assert.That(operation.Queue, Is.EqualTo("payments"));
            Assert.That(headers[Headers.MessageId], Is.EqualTo(operation.Message.MessageId));
            Assert.That(headers[Headers.ConversationId], Is.Not.Empty);
            Assert.That(headers[Headers.CorrelationId], Is.EqualTo(operation.Message.MessageId));
            Assert.That(headers[Headers.ReplyToAddress], Is.EqualTo("orders"));
            Assert.That(headers[Headers.OriginatingEndpoint], Is.EqualTo("orders"));
            Assert.That(headers[Headers.OriginatingHost], Is.EqualTo("host-1"));
            Assert.That(headers[Headers.ContentType], Is.EqualTo("application/json"));
            Assert.That(headers[Headers.MessageIntent], Is.EqualTo("Send"));
            Assert.That(headers[Headers.EnclosedMessageTypes], Is.EqualTo("OrderEats.Engine.Tests.Routing.When_an_outgoing_message_is_built.ChargeIt"));
            Assert.That(DateTimeOffset.Parse(headers[Headers.TimeSent], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Clock.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
            Assert.That(System.Text.Encoding.UTF8.GetString(operation.Message.Body.Span), Is.EqualTo("{\"amount\":7}"));
        });
    }

    [Test]
    public void Should_fail_with_the_fix_when_a_command_has_no_route()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.Create(new Unrouted(), MessageIntent.Send, null, null, TimeProvider.System));
        Assert.That(error!.Message, Does.Contain("RouteToEndpoint<Unrouted>"));
    }

    [Test]
    public void Should_publish_to_the_whole_type_hierarchy_by_contract_name()
    {
        var operation = factory.Create(new SomethingHappened(1), MessageIntent.Publish, null, null, TimeProvider.System);
        Assert.That(operation.EventTypes, Is.EqualTo(ExpectedHierarchy));
    }

    [Test]
    public void Should_flow_the_conversation_and_carry_the_saga_back_on_a_reply()
    {
        var incoming = new IncomingMessage("request-1", new Dictionary<string, string>
        {
            [Headers.ConversationId] = "conversation-1",
            [Headers.ReplyToAddress] = "orders",
            [Headers.OriginatingSagaId] = "saga-1",
            [Headers.OriginatingSagaType] = "OrderSaga",
        }, Array.Empty<byte>());

        var reply = factory.Create(new ChargeIt(1), MessageIntent.Reply, null, incoming, TimeProvider.System);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Queue, Is.EqualTo("orders"));
            Assert.That(reply.Message.Headers[Headers.ConversationId], Is.EqualTo("conversation-1"));
            Assert.That(reply.Message.Headers[Headers.CorrelationId], Is.EqualTo("request-1"));
            Assert.That(reply.Message.Headers[Headers.SagaId], Is.EqualTo("saga-1"));
            Assert.That(reply.Message.Headers[Headers.SagaType], Is.EqualTo("OrderSaga"));
            Assert.That(reply.Message.Headers[Headers.MessageIntent], Is.EqualTo("Reply"));
        });
    }

    [Test]
    public void Should_delay_a_send_by_the_requested_delay()
    {
        var options = new SendOptions { DeliveryDelay = TimeSpan.FromMinutes(5) };
        var operation = factory.Create(new ChargeIt(1), MessageIntent.Send, options, null, TimeProvider.System);
        Assert.That(operation.DeliverAt, Is.EqualTo(Clock.GetUtcNow().AddMinutes(5)).Within(TimeSpan.FromSeconds(30)));
    }

    public sealed record ChargeIt(int Amount) : ICommand;

    public sealed record Unrouted : ICommand;

    public interface IHappening : IEvent;

    public sealed record SomethingHappened(int Id) : IHappening;
}
