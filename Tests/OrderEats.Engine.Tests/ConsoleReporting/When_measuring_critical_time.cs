using System.Globalization;
using System.Text.Json;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Telemetry;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Tests.Pipeline;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.ConsoleReporting;

// Regression (issue 17, defect 3): critical time counted a saga timeout's deliberate delay, so a 5-minute PaymentTimeout showed as a
// 300,274 ms critical time. It now runs from when the message became due.
[TestFixture]
public class When_measuring_critical_time
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Should_count_a_timeout_from_when_it_became_due_not_from_when_it_was_requested()
    {
        var clock = new FixedClock(Now);
        var metrics = new EndpointMetrics(clock);
        var step = new ReportedMetricsStep(metrics, clock);
        var headers = new Dictionary<string, string>
        {
            [Headers.TimeSent] = Iso(Now - TimeSpan.FromMinutes(5)),
            [Headers.DeliverAt] = Iso(Now - TimeSpan.FromMilliseconds(250)),
            [Headers.IsSagaTimeout] = "True",
        };

        await step.Invoke(new IncomingContext(new IncomingMessage("m-1", headers, "{}"u8.ToArray()), EmptyServices.Instance, CancellationToken.None), () => Task.CompletedTask);
        var snapshot = metrics.Take(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.CriticalMsMax, Is.EqualTo(250).Within(0.001));
            Assert.That(CriticalTime.Of(new Dictionary<string, string> { [Headers.TimeSent] = Iso(Now - TimeSpan.FromSeconds(2)) }, Now), Is.EqualTo(TimeSpan.FromSeconds(2)), "a plain send counts from TimeSent");
            Assert.That(CriticalTime.Of(new Dictionary<string, string> { [Headers.DeliverAt] = Iso(Now + TimeSpan.FromSeconds(1)) }, Now), Is.EqualTo(TimeSpan.Zero), "never negative");
            Assert.That(CriticalTime.Of(new Dictionary<string, string>(), Now), Is.Null);
        });
    }

    [Test]
    public async Task Should_not_count_the_delay_of_a_delayed_message_on_the_learning_transport()
    {
        await using var harness = new EndpointHarness();
        var heartbeats = await harness.Watch("mon-critical-beats");
        var endpoint = await harness.Start("mon-critical", c =>
        {
            c.AddHandler<TabSaga>();
            c.SendHeartbeatsTo("mon-critical-beats", TimeSpan.FromMilliseconds(200));
        });

        await endpoint.Send(new OpenTab(Guid.NewGuid()), new SendOptions { Destination = "mon-critical", DeliveryDelay = TimeSpan.FromSeconds(2) });
        Heartbeat beat;
        do
        {
            var message = await heartbeats.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
            beat = JsonSerializer.Deserialize<Heartbeat>(message.Body.Span, ControlMessages.Json)!;
        }
        while (beat.Metrics.Processed == 0);

        Assert.That(beat.Metrics.CriticalMsMax, Is.LessThan(1500), "the 2 s delay was asked for; only the time after it counts");
    }

    private static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
