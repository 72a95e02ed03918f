using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Tests.Monitoring;

namespace OrderEats.Console.Tests.Bugs;

// Issue 17, defect 2: a service restarted within the 40 s grace period left its old instance to turn Dead and raise HeartbeatLost until the
// console restarted. A restarted process now replaces its instance; a competing instance that dies is still reported.
[TestFixture]
public class When_a_process_restarts_within_the_grace_period
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(40);

    [Test]
    public void Should_replace_the_old_instance_without_reporting_it_lost()
    {
        var registry = new EndpointRegistry();
        registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("old", T0), T0);
        registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("old", T0.AddSeconds(10)), T0.AddSeconds(10));
        for (var s = 15; s <= 55; s += 10)
        {
            registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("new", T0.AddSeconds(s)), T0.AddSeconds(s));
        }

        var changes = registry.CheckLost(T0.AddSeconds(51), Grace);

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => (c.Kind, c.InstanceId)), Is.EqualTo(new[] { (LivenessChange.Replaced, "old") }));
            Assert.That(registry.Instances().Select(i => (i.InstanceId, i.Status)), Is.EqualTo(new[] { ("new", InstanceStatus.Alive) }));
        });
    }

    [Test]
    public void Should_still_report_a_competing_instance_that_dies()
    {
        var registry = new EndpointRegistry();
        registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("first", T0), T0);
        registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("second", T0.AddSeconds(2)), T0.AddSeconds(2));
        registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("first", T0.AddSeconds(10)), T0.AddSeconds(10));
        for (var s = 12; s <= 52; s += 10)
        {
            registry.Heartbeat(When_heartbeats_stop_and_resume.Beat("second", T0.AddSeconds(s)), T0.AddSeconds(s));
        }

        var changes = registry.CheckLost(T0.AddSeconds(51), Grace);

        Assert.That(changes.Select(c => (c.Kind, c.InstanceId)), Is.EqualTo(new[] { (LivenessChange.Lost, "first") }), "second ran beside first: not its successor");
    }

    [Test]
    public async Task Should_log_the_restart_and_list_only_the_new_instance()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?>
        {
            ["Console:HeartbeatGraceSeconds"] = "6",
            ["Console:HeartbeatCheckSeconds"] = "0.2",
        });
        var replaced = harness.Changes.WaitFor(c => c.Kind == LivenessChange.Replaced);
        var seen = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var first = await MonitoredEndpoint.Start(harness, "cons-restarting", TimeSpan.FromSeconds(1));
        await seen.WaitAsync(ConsoleHarness.Timeout);
        await first.Stop();
        var second = await MonitoredEndpoint.Start(harness, "cons-restarting", TimeSpan.FromSeconds(1));
        await replaced.WaitAsync(ConsoleHarness.Timeout);
        using var reader = await harness.Login("reader");
        var instances = await reader.GetFromJsonAsync<JsonElement>("/api/endpoints");
        var events = await reader.GetStringAsync("/api/events");
        await second.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(instances.EnumerateArray().Select(i => i.GetProperty("status").GetString()), Is.EqualTo(new[] { "Alive" }));
            Assert.That(events, Does.Contain("EndpointRestarted").And.Not.Contain("HeartbeatLost"));
        });
    }
}
