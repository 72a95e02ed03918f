using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_console_reporting_is_turned_on_in_one_call
{
    [Test]
    public async Task Should_send_heartbeats_to_the_queue_and_the_saga_audit_to_its_audit_queue()
    {
        await using var harness = new EndpointHarness();
        var heartbeats = await harness.Watch("one-call");
        var audit = new AuditReader(await harness.Watch("one-call.audit"));
        var endpoint = await harness.Start("one-call-tabs", c =>
        {
            c.AddHandler<TabSaga>();
            c.UseConsoleReporting("one-call");
        });

        var heartbeat = await heartbeats.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        var tab = Guid.NewGuid();
        await endpoint.Send(new OpenTab(tab), new SendOptions { Destination = "one-call-tabs" });
        var entry = await audit.Next();

        Assert.Multiple(() =>
        {
            Assert.That(heartbeat.Headers[Headers.ControlMessage], Is.EqualTo(ControlMessages.Heartbeat));
            Assert.That(entry.CorrelationValue, Is.EqualTo(tab.ToString()));
        });
    }

    [Test]
    public void Should_keep_one_set_of_settings_however_often_it_is_called()
    {
        var configuration = new EndpointConfiguration("one-call-settings");
        configuration.UseConsoleReporting("console", s => s.SagaAuditQueue = null).SendHeartbeatsTo("console", TimeSpan.FromSeconds(3));
        var settings = configuration.Extensions.OfType<ConsoleReportingSettings>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Extensions, Has.Count.EqualTo(1));
            Assert.That(settings.HeartbeatQueue, Is.EqualTo("console"));
            Assert.That(settings.HeartbeatInterval, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(settings.SagaAuditQueue, Is.Null);
            Assert.That(configuration.AdditionalQueues, Is.EquivalentTo(new[] { "console" }));
        });
    }
}
