using OrderEats.Engine.ConsoleReporting;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Console.Monitoring;
using OrderEats.Engine;

namespace OrderEats.Console.Tests.Monitoring;

// Orders refusing new orders (its admission gate shedding) arrives as the heartbeat condition "Admission"; the console shows it per instance.
[TestFixture]
public class When_an_endpoint_reports_a_degraded_condition
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private const string Shedding = "shedding: 120 in flight, draining 8/s, expected wait 15.0 s of 4.0 s allowed, queues 0 ready, 37 refused";

    [Test]
    public async Task Should_show_the_admission_state_on_the_endpoints_page_the_dashboard_and_in_the_api()
    {
        await using var harness = await ConsoleHarness.Start();
        var reader = await harness.Login("reader");
        // Each endpoint sends one heartbeat (at start; the next an hour later), so each wait sees the endpoint started after it.
        var first = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var orders = await MonitoredEndpoint.Start(harness, "cons-shedding", TimeSpan.FromHours(1), c =>
        {
            c.ReportCondition(new FixedCondition("Admission", degraded: true, Shedding));
            c.ReportCondition(new FixedCondition("Disk", degraded: false, "12 GB free"));
        });
        await first.WaitAsync(ConsoleHarness.Timeout);
        var second = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var quiet = await MonitoredEndpoint.Start(harness, "cons-calm", TimeSpan.FromHours(1));
        await second.WaitAsync(ConsoleHarness.Timeout);

        var api = await reader.GetFromJsonAsync<JsonElement>("/api/endpoints");
        var page = await reader.GetStringAsync("/endpoints");
        var dashboard = await reader.GetStringAsync("/");
        await orders.Stop();
        await quiet.Stop();

        var shedding = api.EnumerateArray().Single(i => i.GetProperty("endpoint").GetString() == "cons-shedding");
        var plain = api.EnumerateArray().Single(i => i.GetProperty("endpoint").GetString() == "cons-calm");
        Assert.Multiple(() =>
        {
            Assert.That(shedding.GetProperty("degraded").GetBoolean(), Is.True);
            Assert.That(shedding.GetProperty("conditions").GetRawText(), Is.EqualTo(
                $$"""[{"name":"Admission","degraded":true,"detail":"{{Shedding}}"},{"name":"Disk","degraded":false,"detail":"12 GB free"}]"""));
            Assert.That(plain.GetProperty("degraded").GetBoolean(), Is.False);
            Assert.That(plain.GetProperty("conditions").GetArrayLength(), Is.Zero);

            Assert.That(Row(page, "cons-shedding"), Does.Contain("class=\"linked degraded\"").And.Contain("data-degraded=\"true\"").And.Contain("⚠ Admission"));
            Assert.That(Row(page, "cons-calm"), Does.Contain("data-degraded=\"false\"").And.Not.Contain("⚠"));
            Assert.That(page, Does.Contain("<li class=\"condition condition-degraded\" data-condition=\"Admission\" data-degraded=\"true\">"));
            Assert.That(page, Does.Contain("<b>Admission</b>: " + Shedding));
            Assert.That(page, Does.Contain("<b>Disk</b>: 12 GB free"));
            Assert.That(dashboard, Does.Contain("⚠ 1 degraded"));
        });
    }

    [Test]
    public void Should_keep_the_conditions_of_the_latest_heartbeat_only()
    {
        var registry = new EndpointRegistry();
        registry.Heartbeat(Beat(T0, new EndpointCondition("Admission", true, "shedding: 9 in flight")), T0);
        var degraded = registry.Instances().Single();

        registry.Heartbeat(Beat(T0.AddSeconds(10), new EndpointCondition("Admission", false, "open: 1 in flight")), T0.AddSeconds(10));
        var recovered = registry.Instances().Single();

        Assert.Multiple(() =>
        {
            Assert.That(degraded.Degraded, Is.True);
            Assert.That(recovered.Degraded, Is.False);
            Assert.That(recovered.Conditions, Is.EqualTo(new[] { new EndpointCondition("Admission", false, "open: 1 in flight") }));
        });
    }

    [Test]
    public void Should_read_a_heartbeat_without_conditions_from_an_older_endpoint_as_none()
    {
        const string older = """
            {"endpoint":"payments","host":"h","instanceId":"i-1","startedAt":"2026-11-25T10:00:00Z","sentAt":"2026-11-25T10:00:10Z","intervalSeconds":10,
             "metrics":{"from":"2026-11-25T10:00:00Z","to":"2026-11-25T10:00:10Z","processed":1,"failed":0,"processingMsAverage":1,"processingMsMax":1,
             "criticalMsAverage":1,"criticalMsMax":1,"queueLength":0},"auditDropped":0,"sagas":[]}
            """;
        var registry = new EndpointRegistry();

        registry.Heartbeat(JsonSerializer.Deserialize<HeartbeatReport>(older, SagaStore.Json)!, T0);

        Assert.That(registry.Instances().Single().Conditions, Is.Empty);
    }

    [Test]
    public void Should_drop_nameless_conditions_and_cut_oversized_ones()
    {
        var registry = new EndpointRegistry();
        var flood = Enumerable.Range(0, 50).Select(i => (EndpointCondition?)new EndpointCondition("c" + i, false, "ok"));
        registry.Heartbeat(Beat(T0, [new EndpointCondition("", true, "no name"), null, new EndpointCondition(new string('n', 500), true, new string('d', 5000)), .. flood]), T0);

        var conditions = registry.Instances().Single().Conditions;

        Assert.Multiple(() =>
        {
            Assert.That(conditions, Has.Count.EqualTo(ConditionLimits.MaxConditions));
            Assert.That(conditions[0].Name, Has.Length.EqualTo(ConditionLimits.MaxName).And.EndWith("…"));
            Assert.That(conditions[0].Detail, Has.Length.EqualTo(ConditionLimits.MaxDetail));
            Assert.That(conditions[1].Name, Is.EqualTo("c0"));
        });
    }

    private static HeartbeatReport Beat(DateTimeOffset at, params EndpointCondition?[] conditions) => When_heartbeats_stop_and_resume.Beat("i-1", at) with { Conditions = conditions };

    private static string Row(string page, string endpoint)
    {
        var start = page.LastIndexOf("<tr", page.IndexOf($"data-endpoint=\"{endpoint}\"", StringComparison.Ordinal), StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
