namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_the_endpoint_stops
{
    [Test]
    public async Task Should_finish_in_flight_work_before_returning()
    {
        await using var harness = new EndpointHarness();
        var endpoint = await harness.Start("acc-slow", c => c.AddHandler<SlowHandler>());
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Signals.Set("release", release);

        await endpoint.Send(new Slow(), new SendOptions { Destination = "acc-slow" });
        await harness.Signals.WaitFor("slow-started");
        var stopping = endpoint.Stop();

        Assert.That(stopping.IsCompleted, Is.False, "stop waits while a handler is in flight");
        release.SetResult();
        await stopping.WaitAsync(Signals.Timeout);
        Assert.That(harness.Signals.IsSet("slow-finished"), Is.True);
    }

    [Test]
    public async Task Should_never_run_more_handlers_at_once_than_the_concurrency_limit()
    {
        await using var harness = new EndpointHarness();
        var tracker = new ConcurrencyTracker();
        harness.Signals.Set("tracker", tracker);
        var endpoint = await harness.Start("acc-limited", c =>
        {
            c.MaxConcurrency = 2;
            c.AddHandler<TrackedHandler>();
        });

        for (var i = 0; i < 12; i++)
        {
            await endpoint.Send(new Tracked(), new SendOptions { Destination = "acc-limited" });
        }

        await tracker.AllDone.Task.WaitAsync(Signals.Timeout);
        Assert.That(tracker.Max, Is.EqualTo(2));
    }

    public sealed record Slow : ICommand;

    public sealed record Tracked : ICommand;

    public sealed class ConcurrencyTracker
    {
        private readonly Lock gate = new();
        private readonly TaskCompletionSource twoRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int current;
        private int done;

        public int Max { get; private set; }

        public TaskCompletionSource AllDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Run()
        {
            lock (gate)
            {
                current++;
                Max = Math.Max(Max, current);
                if (current == 2)
                {
                    twoRunning.TrySetResult();
                }
            }

            // The first two handlers wait for each other, so the limit is reached; later ones pass straight through.
            await twoRunning.Task.WaitAsync(Signals.Timeout);
            lock (gate)
            {
                current--;
                if (++done == 12)
                {
                    AllDone.TrySetResult();
                }
            }
        }
    }

    public sealed class SlowHandler(Signals signals) : IHandleMessages<Slow>
    {
        public async Task Handle(Slow message, IMessageHandlerContext context)
        {
            signals.Set("slow-started");
            var release = await signals.WaitFor<TaskCompletionSource>("release");
            await release.Task.WaitAsync(Signals.Timeout);
            signals.Set("slow-finished");
        }
    }

    public sealed class TrackedHandler(Signals signals) : IHandleMessages<Tracked>
    {
        public async Task Handle(Tracked message, IMessageHandlerContext context) =>
            await (await signals.WaitFor<ConcurrencyTracker>("tracker")).Run();
    }
}
