using System.Collections.Concurrent;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Session;

[TestFixture]
public class When_an_endpoint_subscribes_explicitly
{
    [Test]
    public async Task Should_receive_events_only_while_subscribed()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Publisher>(b => b
                .When(async (session, c) =>
                {
                    await session.Publish(new PriceChanged(0));
                    c.Step = 1;
                })
                .When(c => c.Step == 2, async (session, c) =>
                {
                    await session.Publish(new PriceChanged(1));
                    c.Step = 3;
                })
                .When(c => c.Step == 4, async session =>
                {
                    await session.Publish(new PriceChanged(2));
                    await session.Send(new Marker(), new SendOptions { Destination = Conventions.EndpointNamingConvention(typeof(Subscriber)) });
                }))
            .WithEndpoint<Subscriber>(b => b
                .When(c => c.Step == 1, async (session, c) =>
                {
                    await session.Subscribe<PriceChanged>();
                    c.Step = 2;
                })
                .When(c => c.Received.Count == 1, async (session, c) =>
                {
                    await session.Unsubscribe<PriceChanged>();
                    c.Step = 4;
                }))
            .Done(c => c.MarkerReceived)
            .Run();

        Assert.That(context.Received, Is.EqualTo(new[] { 1 }), "0 was published before subscribing (AutoSubscribe is off), 2 after unsubscribing");
    }

    public sealed class Context : ScenarioContext
    {
        public int Step { get; set; }

        public ConcurrentQueue<int> Received { get; } = new();

        public bool MarkerReceived { get; set; }
    }

    public sealed record PriceChanged(int Version) : IEvent;

    public sealed record Marker : ICommand;

    public sealed class Publisher : EndpointConfigurationBuilder
    {
        public Publisher() => EndpointSetup();
    }

    public sealed class Subscriber : EndpointConfigurationBuilder
    {
        // One at a time, so the marker sent after the last publish is handled after anything that publish delivered.
        public Subscriber() => EndpointSetup(c =>
        {
            c.AutoSubscribe = false;
            c.MaxConcurrency = 1;
        });

        public sealed class PriceHandler(Context scenario) : IHandleMessages<PriceChanged>
        {
            public Task Handle(PriceChanged message, IMessageHandlerContext context)
            {
                scenario.Received.Enqueue(message.Version);
                return Task.CompletedTask;
            }
        }

        public sealed class MarkerHandler(Context scenario) : IHandleMessages<Marker>
        {
            public Task Handle(Marker message, IMessageHandlerContext context)
            {
                scenario.MarkerReceived = true;
                return Task.CompletedTask;
            }
        }
    }
}
