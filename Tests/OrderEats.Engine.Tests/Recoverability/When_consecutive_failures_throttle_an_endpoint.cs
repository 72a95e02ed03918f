using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.Tests.Recoverability;

[TestFixture]
public class When_consecutive_failures_throttle_an_endpoint
{
    private static readonly bool[] InThenOut = [true, false];
    private static readonly bool[] SwitchOnThird = [false, false, true];

    [Test]
    public void Should_switch_after_the_threshold_of_failures_across_messages()
    {
        var throttle = Throttle(threshold: 3);

        var first = throttle.Failed("a", new InvalidOperationException());
        var second = throttle.Failed("b", new InvalidOperationException());
        var third = throttle.Failed("c", new InvalidOperationException());

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first, second, third }, Is.EqualTo(SwitchOnThird));
            Assert.That(throttle.IsThrottled, Is.True);
        });
    }

    [Test]
    public void Should_not_switch_for_one_poison_message_alone()
    {
        var throttle = Throttle(threshold: 3);

        for (var i = 0; i < 10; i++)
        {
            Assert.That(throttle.Failed("poison", new InvalidOperationException()), Is.False);
        }

        Assert.That(throttle.IsThrottled, Is.False);
    }

    [Test]
    public void Should_not_count_unrecoverable_exceptions()
    {
        var throttle = Throttle(threshold: 2);

        throttle.Failed("a", new MessageDeserializationException("bad body"));
        throttle.Failed("b", new MessageDeserializationException("bad body"));

        Assert.That(throttle.IsThrottled, Is.False);
    }

    [Test]
    public void Should_reset_the_count_on_a_success()
    {
        var throttle = Throttle(threshold: 3);

        throttle.Failed("a", new InvalidOperationException());
        throttle.Failed("b", new InvalidOperationException());
        throttle.Succeeded();
        throttle.Failed("c", new InvalidOperationException());
        throttle.Failed("d", new InvalidOperationException());

        Assert.That(throttle.IsThrottled, Is.False);
    }

    [Test]
    public void Should_never_switch_when_turned_off()
    {
        var throttle = Throttle(threshold: 0);

        for (var i = 0; i < 10; i++)
        {
            throttle.Failed("m" + i, new InvalidOperationException());
        }

        Assert.That(throttle.IsThrottled, Is.False);
    }

    [Test]
    public async Task Should_let_one_message_in_at_a_time_while_throttled_and_everyone_after_a_success()
    {
        var throttle = Throttle(threshold: 2);
        var changes = new List<bool>();
        throttle.Changed += (_, e) => changes.Add(e.Throttled);
        throttle.Failed("a", new InvalidOperationException());
        throttle.Failed("b", new InvalidOperationException());

        var first = await throttle.Enter().WaitAsync(TimeSpan.FromSeconds(10));
        var second = throttle.Enter();
        var third = throttle.Enter();
        var waitingWhileHeld = !second.IsCompleted && !third.IsCompleted;
        throttle.Exit(first);
        var secondHeld = await second.WaitAsync(TimeSpan.FromSeconds(10));
        var thirdStillWaiting = !third.IsCompleted;
        throttle.Succeeded();
        throttle.Exit(secondHeld);
        var thirdHeld = await third.WaitAsync(TimeSpan.FromSeconds(10));
        throttle.Exit(thirdHeld);
        var afterRecovery = await throttle.Enter().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True, "the first message holds the single slot");
            Assert.That(waitingWhileHeld, Is.True, "others wait while the slot is held");
            Assert.That(thirdStillWaiting, Is.True, "still one at a time");
            Assert.That(afterRecovery, Is.False, "after a success nothing is gated");
            Assert.That(throttle.IsThrottled, Is.False);
            Assert.That(changes, Is.EqualTo(InThenOut));
        });
    }

    [Test]
    public void Should_report_the_throttled_state_and_the_requeues_as_metrics()
    {
        var endpoint = "throttle-metrics-" + Guid.NewGuid().ToString("N");
        var throttled = 0;
        var requeued = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ThrottleMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => throttled += ForEndpoint(tags, endpoint) ? value : 0);
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => requeued += ForEndpoint(tags, endpoint) ? value : 0);
        listener.Start();
        var throttle = Throttle(threshold: 2, endpoint);

        throttle.Failed("a", new InvalidOperationException());
        throttle.Failed("b", new InvalidOperationException());
        throttle.Failed("c", new InvalidOperationException());
        var whileThrottled = throttled;
        throttle.Succeeded();

        Assert.Multiple(() =>
        {
            Assert.That(whileThrottled, Is.EqualTo(1));
            Assert.That(throttled, Is.Zero);
            Assert.That(requeued, Is.EqualTo(2), "the failure that tripped the throttle and the one after it");
        });
    }

    private static bool ForEndpoint(ReadOnlySpan<KeyValuePair<string, object?>> tags, string endpoint)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "endpoint" && (string?)tag.Value == endpoint)
            {
                return true;
            }
        }

        return false;
    }

    private static ConsecutiveFailureThrottle Throttle(int threshold, string endpoint = "throttle-test") =>
        new(endpoint, threshold, TimeSpan.Zero, [typeof(MessageDeserializationException)], TimeProvider.System, NullLogger.Instance);
}
