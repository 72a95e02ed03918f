using System.Text.Json;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_an_endpoint_sends_heartbeats
{
    [Test]
    public async Task Should_send_one_at_start_with_the_saga_graphs_and_later_ones_with_the_messages_processed()
    {
        await using var harness = new EndpointHarness();
        var heartbeats = await harness.Watch("mon-heartbeats");
        var endpoint = await harness.Start("mon-beating", c =>
        {
            c.AddHandler<TabSaga>();
            c.SendHeartbeatsTo("mon-heartbeats", TimeSpan.FromMilliseconds(200));
        });

        var first = Read(await heartbeats.ReadAsync().AsTask().WaitAsync(Signals.Timeout));
        await endpoint.Send(new OpenTab(Guid.NewGuid()), new SendOptions { Destination = "mon-beating" });
        Heartbeat later;
        do
        {
            later = Read(await heartbeats.ReadAsync().AsTask().WaitAsync(Signals.Timeout));
        }
        while (later.Metrics.Processed == 0);

        Assert.Multiple(() =>
        {
            Assert.That(first.Endpoint, Is.EqualTo("mon-beating"));
            Assert.That(first.Host, Is.EqualTo(Environment.MachineName));
            Assert.That(first.IntervalSeconds, Is.EqualTo(0.2).Within(0.001));
            Assert.That(first.Sagas.Single().Name, Is.EqualTo(nameof(TabSaga)));
            Assert.That(later.InstanceId, Is.EqualTo(first.InstanceId));
            Assert.That(later.Metrics.Processed, Is.EqualTo(1));
            Assert.That(later.Metrics.Failed, Is.Zero);
            Assert.That(later.Metrics.CriticalMsAverage, Is.GreaterThanOrEqualTo(later.Metrics.ProcessingMsAverage * 0.5));
            Assert.That(later.Metrics.QueueLength, Is.Not.Null, "the learning transport counts its queue");
        });
    }

    private static Heartbeat Read(Transport.IncomingMessage message)
    {
        Assert.That(message.Headers[Headers.ControlMessage], Is.EqualTo(ControlMessages.Heartbeat));
        return JsonSerializer.Deserialize<Heartbeat>(message.Body.Span, ControlMessages.Json)!;
    }
}
