using System.Text;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class When_counting_a_queue
{
    [Test]
    public async Task Should_count_waiting_messages_and_report_zero_for_a_missing_queue()
    {
        await using var harness = new Acceptance.EndpointHarness();
        var transport = harness.RawTransport();
        await transport.Setup(new TransportSetup("counted", "error", []));
        var depth = (IQueueDepth)transport;
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid().ToString();
            await transport.Dispatch([TransportOperation.Send(new OutgoingMessage(id, new Dictionary<string, string> { [Headers.MessageId] = id }, Encoding.UTF8.GetBytes("{}")), "counted")]);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await depth.Count("counted"), Is.EqualTo(3));
            Assert.That(await depth.Count("error"), Is.Zero);
            Assert.That(await depth.Count("no-such-queue"), Is.Zero);
        });
    }
}
