using System.Text.Json;
using System.Threading.Channels;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_an_endpoint_reports_a_condition
{
    [Test]
    public async Task Should_carry_the_condition_as_it_is_at_each_heartbeat()
    {
        await using var harness = new EndpointHarness();
        var heartbeats = await harness.Watch("cond-heartbeats");
        var gate = new SwitchableCondition("Admission");
        await harness.Start("cond-gated", c =>
        {
            c.SendHeartbeatsTo("cond-heartbeats", TimeSpan.FromMilliseconds(200));
            c.ReportCondition(gate);
        });

        var first = await Next(heartbeats);
        gate.Set(degraded: true, "shedding: 120 in flight");
        var later = await NextWhere(heartbeats, h => h.Conditions.Single().Degraded);

        Assert.Multiple(() =>
        {
            Assert.That(first.Conditions, Is.EqualTo(new[] { new HeartbeatCondition("Admission", false, "open") }));
            Assert.That(later.Conditions, Is.EqualTo(new[] { new HeartbeatCondition("Admission", true, "shedding: 120 in flight") }));
        });
    }

    [Test]
    public async Task Should_write_the_conditions_into_the_heartbeat_json_and_none_when_there_are_none()
    {
        await using var harness = new EndpointHarness();
        var heartbeats = await harness.Watch("cond-json-heartbeats");
        await harness.Start("cond-json", c =>
        {
            c.SendHeartbeatsTo("cond-json-heartbeats", TimeSpan.FromHours(1));
            c.ReportCondition(_ => new SwitchableCondition("Disk"));
        });
        await harness.Start("cond-none", c => c.SendHeartbeatsTo("cond-json-heartbeats", TimeSpan.FromHours(1)));

        var bodies = new Dictionary<string, JsonElement>();
        while (bodies.Count < 2)
        {
            var body = JsonDocument.Parse((await heartbeats.ReadAsync().AsTask().WaitAsync(Signals.Timeout)).Body).RootElement;
            bodies[body.GetProperty("endpoint").GetString()!] = body;
        }

        Assert.Multiple(() =>
        {
            Assert.That(bodies["cond-json"].GetProperty("conditions").GetRawText(), Is.EqualTo("""[{"name":"Disk","degraded":false,"detail":"open"}]"""));
            Assert.That(bodies["cond-none"].GetProperty("conditions").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Should_report_a_condition_that_throws_as_degraded_with_the_reason_and_keep_sending_heartbeats()
    {
        await using var harness = new EndpointHarness();
        var heartbeats = await harness.Watch("cond-broken-heartbeats");
        var broken = new SwitchableCondition("Admission") { Throws = true };
        await harness.Start("cond-broken", c =>
        {
            c.SendHeartbeatsTo("cond-broken-heartbeats", TimeSpan.FromMilliseconds(200));
            c.ReportCondition(broken);
            c.ReportCondition(new SwitchableCondition("Disk"));
        });

        var first = await Next(heartbeats);
        broken.Throws = false;
        var recovered = await NextWhere(heartbeats, h => !h.Conditions[0].Degraded);

        Assert.Multiple(() =>
        {
            Assert.That(first.Conditions.Select(c => c.Name), Is.EqualTo(new[] { "Admission", "Disk" }));
            Assert.That(first.Conditions[0].Degraded, Is.True);
            Assert.That(first.Conditions[0].Detail, Does.Contain("InvalidOperationException").And.Contain("the gate's counters are not ready"));
            Assert.That(first.Conditions[1].Degraded, Is.False, "one broken condition does not spoil the others");
            Assert.That(recovered.Conditions[0].Detail, Is.EqualTo("open"));
        });
    }

    [Test]
    public async Task Should_refuse_to_start_with_two_conditions_of_the_same_name()
    {
        await using var harness = new EndpointHarness();

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() => harness.Start("cond-twice", c =>
        {
            c.SendHeartbeatsTo("cond-twice-heartbeats");
            c.ReportCondition(new SwitchableCondition("Admission"));
            c.ReportCondition(new SwitchableCondition("Admission"));
        }));

        Assert.That(thrown!.Message, Does.Contain("cond-twice").And.Contain("\"Admission\" 2 times"));
    }

    private static async Task<Heartbeat> Next(ChannelReader<IncomingMessage> heartbeats)
    {
        var message = await heartbeats.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        return JsonSerializer.Deserialize<Heartbeat>(message.Body.Span, ControlMessages.Json)!;
    }

    private static async Task<Heartbeat> NextWhere(ChannelReader<IncomingMessage> heartbeats, Func<Heartbeat, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Signals.Timeout);
        while (true)
        {
            var message = await heartbeats.ReadAsync(timeout.Token);
            var heartbeat = JsonSerializer.Deserialize<Heartbeat>(message.Body.Span, ControlMessages.Json)!;
            if (wanted(heartbeat))
            {
                return heartbeat;
            }
        }
    }
}
