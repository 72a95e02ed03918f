using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.AcceptanceTesting;

[TestFixture]
public class When_a_scenario_runs
{
    private static readonly string ReceiverName = Conventions.EndpointNamingConvention(typeof(Receiver));

    [Test]
    public async Task Should_inject_the_context_into_handlers_and_return_once_done()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b.When(session => session.SendLocal(new Ping(1))))
            .Done(c => c.Pings.Count == 1)
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.Pings, Is.EqualTo(new[] { 1 }));
            Assert.That(context.HasProcessed<Ping>(ReceiverName), Is.True);
            Assert.That(ReceiverName, Is.EqualTo("When_a_scenario_runs.Receiver"));
        });
    }

    [Test]
    public async Task Should_run_a_conditional_step_once_when_its_condition_first_holds()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b
                .When(session => session.SendLocal(new Ping(1)))
                .When(c => c.EndpointsStarted && !c.Pings.IsEmpty, (session, c) => session.SendLocal(new Ping(c.Pings.Count + 1))))
            .Done(c => c.Pings.Count == 2)
            .Run();

        Assert.That(context.Pings, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Should_stop_with_the_failure_as_soon_as_a_message_reaches_the_error_queue()
    {
        var error = Assert.ThrowsAsync<MessageFailedException>(() => Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b.When(session => session.SendLocal(new Fail("boom"))))
            .Done(c => false)
            .Run(TimeSpan.FromMinutes(5)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FailedMessages.Single().Exception.Message, Is.EqualTo("boom"));
            Assert.That(error.FailedMessages.Single().Endpoint, Is.EqualTo(ReceiverName));
            Assert.That(error.Message, Does.Contain("DoNotFailOnErrorMessages"));
        });
    }

    [Test]
    public async Task Should_capture_failed_messages_per_endpoint_when_the_endpoint_allows_them()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b.DoNotFailOnErrorMessages().When(session => session.SendLocal(new Fail("expected"))))
            .Done(c => c.FailedMessages.Count > 0)
            .Run();

        var failed = context.FailedMessages[ReceiverName].Single();
        Assert.Multiple(() =>
        {
            Assert.That(failed.Exception, Is.TypeOf<InvalidOperationException>());
            Assert.That(failed.Headers[Headers.ExceptionMessage], Is.EqualTo("expected"));
            Assert.That(failed.Headers[Headers.FailedQueue], Is.EqualTo(ReceiverName));
            Assert.That(failed.ErrorQueue, Is.EqualTo("error"));
        });
    }

    [Test]
    public async Task Should_call_the_hooks_for_processed_retried_and_failed_messages()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b
                .DoNotFailOnErrorMessages()
                .CustomConfig(c =>
                {
                    c.Recoverability.ImmediateRetries = 1;
                    c.Recoverability.DelayedRetries = 1;
                })
                .OnMessageProcessed((message, c) => c.Hooks.Add($"processed {message.Message?.GetType().Name}"))
                .OnMessageRetried((message, c) => c.Hooks.Add($"retried {message.Attempt}/{message.DelayedRetry}"))
                .OnMessageSentToErrorQueue((message, c) => c.Hooks.Add($"failed {message.Exception.Message}"))
                .When(async session =>
                {
                    await session.SendLocal(new Ping(1));
                    await session.SendLocal(new Fail("always"));
                }))
            .Done(c => c.FailedMessages.Count > 0 && c.Pings.Count == 1)
            .Run();

        Assert.That(context.Hooks, Is.SupersetOf(new[] { "processed Ping", "retried 1/0", "retried 2/1", "retried 1/0", "failed always" }));
        Assert.That(context.RetriedMessages.Select(r => r.DelayedRetry), Is.EqualTo(new[] { 0, 1, 0 }), "immediate, delayed, immediate again after the delay");
    }

    [Test]
    public void Should_time_out_saying_what_happened()
    {
        var error = Assert.ThrowsAsync<ScenarioTimeoutException>(() => Scenario.Define<Context>()
            .WithEndpoint<Receiver>(b => b.When(session => session.SendLocal(new Ping(1))))
            .Done(c => c.Pings.Count == 2)
            .Run(TimeSpan.FromSeconds(3)));

        Assert.That(error!.Message, Does.StartWith("The scenario was not done after 3 s").And.Contain($"{ReceiverName}: 1"));
    }

    public sealed class Context : ScenarioContext
    {
        public System.Collections.Concurrent.ConcurrentQueue<int> Pings { get; } = new();

        public System.Collections.Concurrent.ConcurrentBag<string> Hooks { get; } = [];
    }

    public sealed record Ping(int Number) : ICommand;

    public sealed record Fail(string Reason) : ICommand;

    public sealed class Receiver : EndpointConfigurationBuilder
    {
        public Receiver() => EndpointSetup();

        public sealed class PingHandler(Context scenario) : IHandleMessages<Ping>
        {
            public Task Handle(Ping message, IMessageHandlerContext context)
            {
                scenario.Pings.Enqueue(message.Number);
                return Task.CompletedTask;
            }
        }

        public sealed class FailHandler : IHandleMessages<Fail>
        {
            public Task Handle(Fail message, IMessageHandlerContext context) => throw new InvalidOperationException(message.Reason);
        }
    }
}
