using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Retries;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_retrying_in_batches
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Should_take_at_most_the_batch_size_and_space_batches_by_the_rate()
    {
        var scheduler = new BatchScheduler(batchSize: 4, messagesPerSecond: 10);

        var first = scheduler.Decide(10, T0);
        var tooSoon = scheduler.Decide(6, T0.AddMilliseconds(100));
        var second = scheduler.Decide(6, T0.AddMilliseconds(400));
        var last = scheduler.Decide(2, T0.AddMilliseconds(800));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new BatchDecision(4, T0.AddMilliseconds(400))), "4 messages at 10/s cost 0.4 s");
            Assert.That(tooSoon, Is.EqualTo(new BatchDecision(0, T0.AddMilliseconds(400))), "nothing before the budget allows");
            Assert.That(second, Is.EqualTo(new BatchDecision(4, T0.AddMilliseconds(800))));
            Assert.That(last, Is.EqualTo(new BatchDecision(2, T0.AddMilliseconds(1000))), "a short last batch costs less");
        });
    }

    [Test]
    public void Should_not_bank_idle_time_into_a_burst()
    {
        var scheduler = new BatchScheduler(batchSize: 5, messagesPerSecond: 5);
        scheduler.Decide(5, T0);

        var afterIdle = scheduler.Decide(50, T0.AddMinutes(10));

        Assert.That(afterIdle, Is.EqualTo(new BatchDecision(5, T0.AddMinutes(10).AddSeconds(1))), "still one batch, not ten minutes' worth");
    }

    [Test]
    public void Should_send_nothing_when_nothing_is_pending()
    {
        var scheduler = new BatchScheduler(batchSize: 5, messagesPerSecond: 5);

        Assert.That(scheduler.Decide(0, T0).Take, Is.Zero);
    }

    [Test]
    public async Task Should_send_a_retry_all_in_batches_of_the_configured_size()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:RetryBatchSize"] = "2" });
        for (var i = 1; i <= 5; i++)
        {
            await harness.InjectFailure($"batch-{i}", endpoint: "cons-batch");
        }

        var decisions = new ConcurrentQueue<BatchDecision>();
        harness.Services.GetRequiredService<RetryDispatcher>().BatchSent += decisions.Enqueue;
        using var client = await harness.Login("operator");
        var sent = 0;
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Changes.Changed += change =>
        {
            if (change.Kind == "RetrySent" && Interlocked.Increment(ref sent) == 5)
            {
                allSent.TrySetResult();
            }
        };

        (await client.Post("/api/failures/retry-all")).EnsureSuccessStatusCode();
        await allSent.Task.WaitAsync(ConsoleHarness.Timeout);

        Assert.That(decisions.Select(d => d.Take), Is.EqualTo(new[] { 2, 2, 1 }));
    }
}
