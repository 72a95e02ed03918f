using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Sagas;

[TestFixture]
public class When_sagas_find_no_instance
{
    [Test]
    public async Task Should_not_call_the_not_found_handler_when_another_saga_found_its_instance()
    {
        var id = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b
                .When(session => session.SendLocal(new StartFirst(id)))
                .When(c => c.FirstStarted, session => session.SendLocal(new Poke(id))))
            .Done(c => c.HasProcessed<Poke>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.PokedFirst, Is.EqualTo(1));
            Assert.That(context.NotFound, Is.Empty, "the second saga found nothing, but the first one handled the message");
        });
    }

    [Test]
    public async Task Should_call_the_not_found_handler_once_when_no_saga_found_an_instance()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b.When(session => session.SendLocal(new Poke(Guid.NewGuid()))))
            .Done(c => c.HasProcessed<Poke>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.NotFound, Has.Count.EqualTo(1), "once per message, not once per saga that found nothing");
            Assert.That(context.NotFound.Single(), Is.TypeOf<Poke>());
            Assert.That(context.PokedFirst + context.PokedSecond, Is.Zero);
        });
    }

    public sealed class Context : ScenarioContext
    {
        public bool FirstStarted { get; set; }

        public int PokedFirst { get; set; }

        public int PokedSecond { get; set; }

        public System.Collections.Concurrent.ConcurrentQueue<object> NotFound { get; } = new();
    }

    public sealed record StartFirst(Guid Id) : ICommand;

    public sealed record StartSecond(Guid Id) : ICommand;

    public sealed record Poke(Guid Id) : ICommand;

    public sealed class SagaEndpoint : EndpointConfigurationBuilder
    {
        public SagaEndpoint() => EndpointSetup();

        public sealed class FirstData : ContainSagaData
        {
            public Guid Key { get; set; }
        }

        public sealed class SecondData : ContainSagaData
        {
            public Guid Key { get; set; }
        }

        public sealed class FirstSaga(Context scenario) : Saga<FirstData>, IAmStartedByMessages<StartFirst>, IHandleMessages<Poke>
        {
            public Task Handle(StartFirst message, IMessageHandlerContext context)
            {
                scenario.FirstStarted = true;
                return Task.CompletedTask;
            }

            public Task Handle(Poke message, IMessageHandlerContext context)
            {
                scenario.PokedFirst++;
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<FirstData> mapper) =>
                mapper.MapSaga(d => d.Key).ToMessage<StartFirst>(m => m.Id).ToMessage<Poke>(m => m.Id);
        }

        public sealed class SecondSaga(Context scenario) : Saga<SecondData>, IAmStartedByMessages<StartSecond>, IHandleMessages<Poke>
        {
            public Task Handle(StartSecond message, IMessageHandlerContext context) => Task.CompletedTask;

            public Task Handle(Poke message, IMessageHandlerContext context)
            {
                scenario.PokedSecond++;
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<SecondData> mapper) =>
                mapper.MapSaga(d => d.Key).ToMessage<StartSecond>(m => m.Id).ToMessage<Poke>(m => m.Id);
        }

        public sealed class NotFoundHandler(Context scenario) : IHandleSagaNotFound
        {
            public Task Handle(object message, IMessageHandlerContext context)
            {
                scenario.NotFound.Enqueue(message);
                return Task.CompletedTask;
            }
        }
    }
}
