using System.Collections.Concurrent;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Pipeline;

[TestFixture]
public class When_a_handler_forwards_the_message
{
    [Test]
    public async Task Should_deliver_a_copy_with_the_same_id_headers_and_body_after_the_handler_commits()
    {
        var options = new SendOptions { MessageId = "forward-me" };
        options.Headers["Custom.Header"] = "kept";
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b.When(session => session.SendLocal(new Order("pizza"), options)))
            .WithEndpoint<Archive>()
            .Done(c => c.Handled.Count == 2)
            .Run();

        var byEndpoint = context.Handled.ToDictionary(h => h.Endpoint);
        Assert.Multiple(() =>
        {
            Assert.That(byEndpoint.Keys, Is.EquivalentTo(new[] { "receiver", "archive" }));
            Assert.That(byEndpoint["archive"].MessageId, Is.EqualTo("forward-me"));
            Assert.That(byEndpoint["archive"].Headers["Custom.Header"], Is.EqualTo("kept"));
            Assert.That(byEndpoint["archive"].Headers[Headers.OriginatingEndpoint], Is.EqualTo(byEndpoint["receiver"].Headers[Headers.OriginatingEndpoint]));
            Assert.That(byEndpoint["archive"].Item, Is.EqualTo("pizza"));
        });
    }

    public sealed class Context : ScenarioContext
    {
        public ConcurrentBag<(string Endpoint, string MessageId, IReadOnlyDictionary<string, string> Headers, string Item)> Handled { get; } = [];
    }

    public sealed record Order(string Item) : ICommand;

    public sealed class Receiver : EndpointConfigurationBuilder
    {
        public Receiver()
        {
            CustomEndpointName("receiver");
            EndpointSetup();
        }

        public sealed class OrderHandler(Context scenario) : IHandleMessages<Order>
        {
            public async Task Handle(Order message, IMessageHandlerContext context)
            {
                await context.ForwardCurrentMessageTo("archive");
                scenario.Handled.Add(("receiver", context.MessageId, context.MessageHeaders, message.Item));
            }
        }
    }

    public sealed class Archive : EndpointConfigurationBuilder
    {
        public Archive()
        {
            CustomEndpointName("archive");
            EndpointSetup();
        }

        public sealed class OrderHandler(Context scenario) : IHandleMessages<Order>
        {
            public Task Handle(Order message, IMessageHandlerContext context)
            {
                scenario.Handled.Add(("archive", context.MessageId, context.MessageHeaders, message.Item));
                return Task.CompletedTask;
            }
        }
    }
}
