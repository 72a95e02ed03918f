namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_a_saga_runs
{
    private EndpointHarness harness = null!;

    [SetUp]
    public void SetUp() => harness = new EndpointHarness();

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task Should_correlate_a_reply_by_the_saga_id_header_and_complete()
    {
        await harness.Start("acc-service", c => c.AddHandler<QuoteHandler>());
        var sagas = await StartSagaEndpoint();
        var orderId = Guid.NewGuid();

        await sagas.Send(new StartOrder(orderId, "quote"), new SendOptions { Destination = "acc-sagas" });

        var completed = await harness.Signals.WaitFor<SagaState>("completed");
        Assert.Multiple(() =>
        {
            Assert.That(completed.OrderId, Is.EqualTo(orderId), "the reply carried another OrderId: it was correlated by the saga id header");
            Assert.That(completed.Quote, Is.EqualTo(99));
            Assert.That(completed.Originator, Is.EqualTo("acc-sagas"));
        });
    }

    [Test]
    public async Task Should_fire_a_timeout_and_drop_a_cancelled_one()
    {
        var sagas = await StartSagaEndpoint(concurrency: 1);
        var orderId = Guid.NewGuid();

        await sagas.Send(new StartOrder(orderId, "timeouts"), new SendOptions { Destination = "acc-sagas" });
        await sagas.Send(new StopWaiting(orderId), new SendOptions { Destination = "acc-sagas" });

        await harness.Signals.WaitFor("fired");
        Assert.That(harness.Signals.Count("cancelled-fired"), Is.Zero);
    }

    [Test]
    public async Task Should_not_find_a_completed_saga_and_call_the_not_found_handler()
    {
        var sagas = await StartSagaEndpoint();
        var orderId = Guid.NewGuid();

        await sagas.Send(new StartOrder(orderId, "complete-now"), new SendOptions { Destination = "acc-sagas" });
        await harness.Signals.WaitFor("completed");
        await sagas.Send(new Poke(orderId), new SendOptions { Destination = "acc-sagas" });

        Assert.That(await harness.Signals.WaitFor<object>("not-found"), Is.EqualTo(new Poke(orderId)));
        Assert.That(harness.Signals.Count("poked"), Is.Zero);
    }

    [Test]
    public async Task Should_start_one_instance_when_the_start_message_is_duplicated_and_apply_every_update()
    {
        // One at a time: a handler's side effects outside the unit of work (the signal counter) would otherwise also count attempts that lost
        // the concurrent-create race and were retried; that race itself is covered by the persister contract suites.
        var sagas = await StartSagaEndpoint(concurrency: 1);
        var orderId = Guid.NewGuid();

        await sagas.Send(new StartOrder(orderId, "stay"), new SendOptions { Destination = "acc-sagas" });
        await sagas.Send(new StartOrder(orderId, "stay"), new SendOptions { Destination = "acc-sagas" });
        for (var i = 0; i < 10; i++)
        {
            await sagas.Send(new Poke(orderId), new SendOptions { Destination = "acc-sagas" });
        }

        await harness.Signals.WaitFor("poked-10");
        Assert.That(harness.Signals.Count("started"), Is.EqualTo(1));
    }

    private Task<Hosting.EndpointInstance> StartSagaEndpoint(int concurrency = 4) => harness.Start("acc-sagas", c =>
    {
        c.MaxConcurrency = concurrency;
        c.AddHandler<TestSaga>();
        c.AddHandler<NotFound>();
        c.Routing.RouteToEndpoint<GetQuote>("acc-service");
    });

    public sealed record StartOrder(Guid OrderId, string Scenario) : ICommand;

    public sealed record Poke(Guid OrderId) : ICommand;

    public sealed record StopWaiting(Guid OrderId) : ICommand;

    public sealed record GetQuote(Guid OrderId) : ICommand;

    public sealed record Quote(Guid OrderId, int Amount) : IMessage;

    public sealed record Fires;

    public sealed record Cancelled;

    public sealed record SagaState(Guid OrderId, int Quote, string? Originator);

    public sealed class TestSagaData : ContainSagaData
    {
        public Guid OrderId { get; set; }

        public int Quote { get; set; }

        public int Pokes { get; set; }

        public string? Scenario { get; set; }
    }

    public sealed class TestSaga(Signals signals) : Saga<TestSagaData>,
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
            signals.Increment("started");
            switch (message.Scenario)
            {
                case "quote":
                    await context.Send(new GetQuote(message.OrderId));
                    break;
                case "timeouts":
                    await RequestTimeout(context, TimeSpan.FromSeconds(1), new Cancelled());
                    await RequestTimeout(context, TimeSpan.FromSeconds(2), new Fires());
                    break;
                case "complete-now":
                    Complete();
                    break;
            }
        }

        public Task Handle(Quote message, IMessageHandlerContext context)
        {
            Data.Quote = message.Amount;
            Complete();
            return Task.CompletedTask;
        }

        public Task Handle(StopWaiting message, IMessageHandlerContext context)
        {
            CancelTimeouts<Cancelled>();
            return Task.CompletedTask;
        }

        public Task Handle(Poke message, IMessageHandlerContext context)
        {
            signals.Increment("poked");
            Data.Pokes++;
            if (Data.Pokes == 10)
            {
                signals.Set("poked-10");
            }

            return Task.CompletedTask;
        }

        public Task Timeout(Fires state, IMessageHandlerContext context)
        {
            signals.Set("fired");
            return Task.CompletedTask;
        }

        public Task Timeout(Cancelled state, IMessageHandlerContext context)
        {
            signals.Increment("cancelled-fired");
            return Task.CompletedTask;
        }

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TestSagaData> mapper) =>
            mapper.MapSaga(d => d.OrderId)
                .ToMessage<StartOrder>(m => m.OrderId)
                .ToMessage<Quote>(m => m.OrderId)
                .ToMessage<Poke>(m => m.OrderId)
                .ToMessage<StopWaiting>(m => m.OrderId);

        private void Complete()
        {
            MarkAsComplete();
            signals.Set("completed", new SagaState(Data.OrderId, Data.Quote, Data.Originator));
        }
    }

    public sealed class QuoteHandler : IHandleMessages<GetQuote>
    {
        public Task Handle(GetQuote message, IMessageHandlerContext context) => context.Reply(new Quote(Guid.NewGuid(), 99));
    }

    public sealed class NotFound(Signals signals) : IHandleSagaNotFound
    {
        public Task Handle(object message, IMessageHandlerContext context)
        {
            signals.Set("not-found", message);
            return Task.CompletedTask;
        }
    }
}
