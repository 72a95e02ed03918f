using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_a_saga_runs
{
    [Test]
    public async Task Should_correlate_a_reply_by_the_saga_id_header_and_complete()
    {
        var orderId = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Sagas>(b => b.When(session => session.SendLocal(new StartOrder(orderId, "quote"))))
            .WithEndpoint<QuoteService>()
            .Done(c => c.Completed is not null)
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.Completed!.OrderId, Is.EqualTo(orderId), "the reply carried another OrderId: it was correlated by the saga id header");
            Assert.That(context.Completed.Quote, Is.EqualTo(99));
            Assert.That(context.Completed.Originator, Is.EqualTo(Conventions.EndpointNamingConvention(typeof(Sagas))));
        });
    }

    [Test]
    public async Task Should_fire_a_timeout_and_drop_a_cancelled_one()
    {
        var orderId = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Sagas>(b => b
                .CustomConfig(c => c.MaxConcurrency = 1)
                .When(async session =>
                {
                    await session.SendLocal(new StartOrder(orderId, "timeouts"));
                    await session.SendLocal(new StopWaiting(orderId));
                }))
            .Done(c => c.Fired && c.HasProcessed<Cancelled>())
            .Run();

        Assert.That(context.CancelledFired, Is.False);
    }

    [Test]
    public async Task Should_start_one_instance_when_the_start_message_is_duplicated_and_apply_every_update()
    {
        // One at a time: a handler's side effects outside the unit of work (the context's counters) would otherwise also count attempts that lost
        // the concurrent-create race and were retried; that race itself is covered by the persister contract suites.
        var orderId = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Sagas>(b => b
                .CustomConfig(c => c.MaxConcurrency = 1)
                .When(async session =>
                {
                    await session.SendLocal(new StartOrder(orderId, "stay"));
                    await session.SendLocal(new StartOrder(orderId, "stay"));
                    for (var i = 0; i < 10; i++)
                    {
                        await session.SendLocal(new Poke(orderId));
                    }
                }))
            .Done(c => c.Pokes == 10)
            .Run();

        Assert.That(context.Started, Is.EqualTo(1));
    }

    public sealed class Context : ScenarioContext
    {
        public SagaState? Completed { get; set; }

        public int Started { get; set; }

        public int Pokes { get; set; }

        public bool Fired { get; set; }

        public bool CancelledFired { get; set; }
    }

    public sealed record StartOrder(Guid OrderId, string Scenario) : ICommand;

    public sealed record Poke(Guid OrderId) : ICommand;

    public sealed record StopWaiting(Guid OrderId) : ICommand;

    public sealed record GetQuote(Guid OrderId) : ICommand;

    public sealed record Quote(Guid OrderId, int Amount) : IMessage;

    public sealed record Fires;

    public sealed record Cancelled;

    public sealed record SagaState(Guid OrderId, int Quote, string? Originator);

    public sealed class Sagas : EndpointConfigurationBuilder
    {
        public Sagas() => EndpointSetup(c => c.Routing.RouteToEndpoint(typeof(GetQuote), typeof(QuoteService)));

        public sealed class TestSagaData : ContainSagaData
        {
            public Guid OrderId { get; set; }

            public int Quote { get; set; }

            public string? Scenario { get; set; }
        }

        public sealed class TestSaga(Context scenario) : Saga<TestSagaData>,
            IAmStartedByMessages<StartOrder>,
            IHandleMessages<Quote>,
            IHandleMessages<Poke>,
            IHandleMessages<StopWaiting>,
            IHandleTimeouts<Fires>,
            IHandleTimeouts<Cancelled>
        {
            public async Task Handle(StartOrder message, IMessageHandlerContext context)
            {
                if (Data.Scenario is not null)
                {
                    return;
                }

                Data.Scenario = message.Scenario;
                scenario.Started++;
                switch (message.Scenario)
                {
                    case "quote":
                        await context.Send(new GetQuote(message.OrderId));
                        break;
                    case "timeouts":
                        await RequestTimeout(context, TimeSpan.FromSeconds(1), new Cancelled());
                        await RequestTimeout(context, TimeSpan.FromSeconds(2), new Fires());
                        break;
                }
            }

            public Task Handle(Quote message, IMessageHandlerContext context)
            {
                Data.Quote = message.Amount;
                MarkAsComplete();
                scenario.Completed = new SagaState(Data.OrderId, Data.Quote, Data.Originator);
                return Task.CompletedTask;
            }

            public Task Handle(StopWaiting message, IMessageHandlerContext context)
            {
                CancelTimeouts<Cancelled>();
                return Task.CompletedTask;
            }

            public Task Handle(Poke message, IMessageHandlerContext context)
            {
                scenario.Pokes++;
                return Task.CompletedTask;
            }

            public Task Timeout(Fires state, IMessageHandlerContext context)
            {
                scenario.Fired = true;
                return Task.CompletedTask;
            }

            public Task Timeout(Cancelled state, IMessageHandlerContext context)
            {
                scenario.CancelledFired = true;
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TestSagaData> mapper) =>
                mapper.MapSaga(d => d.OrderId)
                    .ToMessage<StartOrder>(m => m.OrderId)
                    .ToMessage<Quote>(m => m.OrderId)
                    .ToMessage<Poke>(m => m.OrderId)
                    .ToMessage<StopWaiting>(m => m.OrderId);
        }
    }

    public sealed class QuoteService : EndpointConfigurationBuilder
    {
        public QuoteService() => EndpointSetup();

        public sealed class QuoteHandler : IHandleMessages<GetQuote>
        {
            public Task Handle(GetQuote message, IMessageHandlerContext context) => context.Reply(new Quote(Guid.NewGuid(), 99));
        }
    }
}
