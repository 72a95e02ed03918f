using System.Collections.Concurrent;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Sagas;

[TestFixture]
public class When_a_message_matches_several_handler_methods_of_a_saga
{
    [Test]
    public async Task Should_load_or_start_one_instance_and_run_every_matching_method_on_it()
    {
        var id = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b.When(session => session.SendLocal(new LoudGreeting(id))))
            .Done(c => c.HasProcessed<LoudGreeting>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.Calls.OrderBy(c => c), Is.EqualTo(new[] { $"greeting {id}", $"loud {id}" }));
            Assert.That(context.SagaIds.Distinct().Count(), Is.EqualTo(1), "both methods ran on the same instance");
            Assert.That(context.FailedMessages, Is.Empty);
        });
    }

    public sealed class Context : ScenarioContext
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<Guid> SagaIds { get; } = new();
    }

    public record Greeting(Guid Id) : ICommand;

    public sealed record LoudGreeting(Guid Id) : Greeting(Id);

    public sealed class SagaEndpoint : EndpointConfigurationBuilder
    {
        public SagaEndpoint() => EndpointSetup();

        public sealed class GreetingData : ContainSagaData
        {
            public Guid GreetingId { get; set; }
        }

        public sealed class GreetingSaga(Context scenario) : Saga<GreetingData>, IAmStartedByMessages<Greeting>, IHandleMessages<LoudGreeting>
        {
            public Task Handle(Greeting message, IMessageHandlerContext context) => Record("greeting");

            public Task Handle(LoudGreeting message, IMessageHandlerContext context) => Record("loud");

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<GreetingData> mapper) =>
                mapper.MapSaga(d => d.GreetingId).ToMessage<Greeting>(m => m.Id);

            private Task Record(string method)
            {
                scenario.Calls.Enqueue($"{method} {Data.GreetingId}");
                scenario.SagaIds.Enqueue(Data.Id);
                return Task.CompletedTask;
            }
        }
    }
}
