using System.Collections.Concurrent;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Pipeline;

[TestFixture]
public class When_a_handler_stops_the_dispatch
{
    [Test]
    public async Task Should_not_call_the_handlers_after_it_and_still_commit_the_message()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint("dispatch-stop", b => b
                .CustomConfig(c => c.AddHandler<Gatekeeper>().AddHandler<Worker>())
                .When(async session =>
                {
                    await session.SendLocal(new Job("blocked", Stop: true));
                    await session.SendLocal(new Job("allowed", Stop: false));
                }))
            .Done(c => c.ProcessedMessages.Count == 2)
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.Calls.OrderBy(c => c), Is.EqualTo(new[] { "gatekeeper allowed", "gatekeeper blocked", "worker allowed" }));
            Assert.That(context.FailedMessages, Is.Empty);
        });
    }

    public sealed class Context : ScenarioContext
    {
        public ConcurrentBag<string> Calls { get; } = [];
    }

    public sealed record Job(string Name, bool Stop) : ICommand;

    public sealed class Gatekeeper(Context scenario) : IHandleMessages<Job>
    {
        public Task Handle(Job message, IMessageHandlerContext context)
        {
            scenario.Calls.Add($"gatekeeper {message.Name}");
            if (message.Stop)
            {
                context.DoNotContinueDispatchingCurrentMessageToHandlers();
            }

            return Task.CompletedTask;
        }
    }

    public sealed class Worker(Context scenario) : IHandleMessages<Job>
    {
        public Task Handle(Job message, IMessageHandlerContext context)
        {
            scenario.Calls.Add($"worker {message.Name}");
            return Task.CompletedTask;
        }
    }
}
