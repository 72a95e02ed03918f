using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Sagas;

[TestFixture]
public class When_a_timeout_arrives_after_its_saga_completed
{
    [Test]
    public async Task Should_drop_it_without_calling_the_not_found_handler()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b.When(session => session.SendLocal(new StartWaiting(Guid.NewGuid()))))
            .Done(c => c.HasProcessed<Expired>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.Completed, Is.True);
            Assert.That(context.TimeoutHandled, Is.False, "the timeout reached a saga that had completed");
            Assert.That(context.NotFoundCalls, Is.Zero, "the not-found handler ran for a timeout");
        });
    }

    public sealed class Context : ScenarioContext
    {
        public bool Completed { get; set; }

        public bool TimeoutHandled { get; set; }

        private int notFoundCalls;

        public int NotFoundCalls => notFoundCalls;

        public void CountNotFound() => Interlocked.Increment(ref notFoundCalls);
    }

    public sealed record StartWaiting(Guid Id) : ICommand;

    public sealed record Finish(Guid Id) : ICommand;

    public sealed record Expired;

    public sealed class SagaEndpoint : EndpointConfigurationBuilder
    {
        public SagaEndpoint() => EndpointSetup();

        public sealed class WaitingSagaData : ContainSagaData
        {
            public Guid WaitId { get; set; }
        }

        public sealed class WaitingSaga(Context scenario) : Saga<WaitingSagaData>, IAmStartedByMessages<StartWaiting>, IHandleMessages<Finish>, IHandleTimeouts<Expired>
        {
            public async Task Handle(StartWaiting message, IMessageHandlerContext context)
            {
                await RequestTimeout(context, TimeSpan.FromMilliseconds(300), new Expired());
                await context.SendLocal(new Finish(message.Id));
            }

            public Task Handle(Finish message, IMessageHandlerContext context)
            {
                MarkAsComplete();
                scenario.Completed = true;
                return Task.CompletedTask;
            }

            public Task Timeout(Expired state, IMessageHandlerContext context)
            {
                scenario.TimeoutHandled = true;
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<WaitingSagaData> mapper) =>
                mapper.MapSaga(d => d.WaitId).ToMessage<StartWaiting>(m => m.Id).ToMessage<Finish>(m => m.Id);
        }

        public sealed class NotFound(Context scenario) : IHandleSagaNotFound
        {
            public Task Handle(object message, IMessageHandlerContext context)
            {
                scenario.CountNotFound();
                return Task.CompletedTask;
            }
        }
    }
}
