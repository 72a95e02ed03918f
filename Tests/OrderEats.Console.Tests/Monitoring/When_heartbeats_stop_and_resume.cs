using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Tests.Monitoring;

[TestFixture]
public class When_heartbeats_stop_and_resume
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(40);

    [Test]
    public void Should_stay_alive_within_the_grace_period_and_die_after_it()
    {
        var registry = new EndpointRegistry();
        var appeared = registry.Heartbeat(Beat("i-1", T0), T0);

        var within = registry.CheckLost(T0 + Grace, Grace);
        var after = registry.CheckLost(T0 + Grace + TimeSpan.FromSeconds(1), Grace);
        var again = registry.CheckLost(T0 + TimeSpan.FromMinutes(5), Grace);

        Assert.Multiple(() =>
        {
            Assert.That(appeared.Single().Kind, Is.EqualTo(LivenessChange.Appeared));
            Assert.That(within, Is.Empty);
            Assert.That(after.Single().Kind, Is.EqualTo(LivenessChange.Lost));
            Assert.That(after.Single().LastSeen, Is.EqualTo(T0));
            Assert.That(again, Is.Empty, "a dead instance is reported lost once");
            Assert.That(registry.Instances().Single().Status, Is.EqualTo(InstanceStatus.Dead));
        });
    }

    [Test]
    public void Should_be_alive_again_when_the_same_instance_returns()
    {
        var registry = new EndpointRegistry();
        registry.Heartbeat(Beat("i-1", T0), T0);
        registry.CheckLost(T0 + TimeSpan.FromSeconds(41), Grace);

        var back = registry.Heartbeat(Beat("i-1", T0 + TimeSpan.FromSeconds(60)), T0 + TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(back.Single().Kind, Is.EqualTo(LivenessChange.Restored));
            Assert.That(registry.Instances().Single().Status, Is.EqualTo(InstanceStatus.Alive));
        });
    }

    [Test]
    public void Should_replace_a_dead_instance_by_the_restarted_one_on_the_same_host()
    {
        var registry = new EndpointRegistry();
        registry.Heartbeat(Beat("i-1", T0), T0);
        registry.Heartbeat(Beat("other", T0, endpoint: "kitchen"), T0);
        registry.CheckLost(T0 + TimeSpan.FromSeconds(41), Grace);

        var restarted = registry.Heartbeat(Beat("i-2", T0 + TimeSpan.FromSeconds(50)), T0 + TimeSpan.FromSeconds(50));

        Assert.Multiple(() =>
        {
            Assert.That(restarted.Single().Kind, Is.EqualTo(LivenessChange.Restored));
            Assert.That(registry.Instances().Where(i => i.Endpoint == "payments").Select(i => (i.InstanceId, i.Status)), Is.EqualTo(new[] { ("i-2", InstanceStatus.Alive) }));
            Assert.That(registry.Instances().Single(i => i.Endpoint == "kitchen").Status, Is.EqualTo(InstanceStatus.Dead), "another endpoint is not revived");
        });
    }

    [Test]
    public void Should_sum_metrics_over_each_window()
    {
        var registry = new EndpointRegistry();
        for (var i = 0; i < 12; i++)
        {
            var at = T0 + TimeSpan.FromSeconds(10 * (i + 1));
            registry.Heartbeat(Beat("i-1", at, processed: 10, failed: i == 11 ? 2 : 0), at);
        }

        var history = registry.Instances().Single().History;
        var now = T0 + TimeSpan.FromSeconds(120);
        var oneMinute = MetricsWindow.Over(history, now, 1);
        var fiveMinutes = MetricsWindow.Over(history, now, 5);

        Assert.Multiple(() =>
        {
            Assert.That(oneMinute.Processed, Is.EqualTo(60));
            Assert.That(oneMinute.ThroughputPerSecond, Is.EqualTo(1).Within(0.01));
            Assert.That(oneMinute.Retries, Is.EqualTo(2));
            Assert.That(fiveMinutes.Processed, Is.EqualTo(120));
            Assert.That(fiveMinutes.ProcessingMsAverage, Is.EqualTo(5));
            Assert.That(fiveMinutes.QueueLength, Is.EqualTo(3));
        });
    }

    internal static HeartbeatReport Beat(string instance, DateTimeOffset at, string endpoint = "payments", long processed = 0, long failed = 0) => new(
        endpoint, "host-a", instance, T0, at, 10,
        new MetricsReport(at - TimeSpan.FromSeconds(10), at, processed, failed, 5, 9, 20, 30, 3), 0, []);
}
