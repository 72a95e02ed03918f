namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_a_command_is_sent
{
    [Test]
    public async Task Should_reach_the_routed_endpoint_with_the_standard_headers()
    {
        await using var harness = new EndpointHarness();
        await harness.Start("acc-receiver", c => c.AddHandler<PingHandler>());
        var sender = await harness.Start("acc-sender", c => c.Routing.RouteToEndpoint<Ping>("acc-receiver"));

        await sender.Send(new Ping("hello"));
        var headers = await harness.Signals.WaitFor<IReadOnlyDictionary<string, string>>("ping");

        Assert.Multiple(() =>
        {
            Assert.That(headers[Headers.OriginatingEndpoint], Is.EqualTo("acc-sender"));
            Assert.That(headers[Headers.ReplyToAddress], Is.EqualTo("acc-sender"));
            Assert.That(headers[Headers.EnclosedMessageTypes], Does.StartWith("OrderEats.Engine.Tests.Acceptance.When_a_command_is_sent.Ping"));
            Assert.That(headers[Headers.ConversationId], Is.Not.Empty);
            Assert.That(headers, Does.ContainKey(Headers.TimeSent));
        });
    }

    [Test]
    public async Task Should_deliver_the_reply_to_the_sender()
    {
        await using var harness = new EndpointHarness();
        await harness.Start("acc-receiver", c => c.AddHandler<PingHandler>());
        var sender = await harness.Start("acc-sender", c =>
        {
            c.Routing.RouteToEndpoint<Ping>("acc-receiver");
            c.AddHandler<PongHandler>();
        });

        await sender.Send(new Ping("reply please"));

        Assert.That(await harness.Signals.WaitFor<string>("pong"), Is.EqualTo("reply please"));
    }

    public sealed record Ping(string Text) : ICommand;

    public sealed record Pong(string Text) : IMessage;

    public sealed class PingHandler(Signals signals) : IHandleMessages<Ping>
    {
        public Task Handle(Ping message, IMessageHandlerContext context)
        {
            signals.Set("ping", context.MessageHeaders);
            return context.Reply(new Pong(message.Text));
        }
    }

    public sealed class PongHandler(Signals signals) : IHandleMessages<Pong>
    {
        public Task Handle(Pong message, IMessageHandlerContext context)
        {
            signals.Set("pong", message.Text);
            return Task.CompletedTask;
        }
    }
}
