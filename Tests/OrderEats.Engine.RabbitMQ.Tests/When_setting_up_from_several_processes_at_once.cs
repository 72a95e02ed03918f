using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_setting_up_from_several_processes_at_once
{
    [Test]
    public async Task Should_end_with_one_working_topology()
    {
        var transports = Enumerable.Range(0, 3).Select(_ => TestTransports.Create()).ToList();
        try
        {
            var eventType = RabbitMqBroker.UniqueName("Contracts.OrderReady");
            var setup = new TransportSetup(RabbitMqBroker.UniqueName("kitchen"), RabbitMqBroker.UniqueName("error"), [eventType], [RabbitMqBroker.UniqueName("audit")]);
            using var start = new Barrier(transports.Count);

            await Task.WhenAll(transports.Select(t => Task.Run(async () =>
            {
                start.SignalAndWait(Inbox.Timeout);
                await t.Setup(setup);
            })));

            var inbox = new Inbox();
            await using var receiver = await transports[0].Receive(new ReceiveSettings(setup.EndpointQueue, 1, setup.ErrorQueue), inbox.Callback);
            var published = TestMessages.New("ready");
            await transports[1].Dispatch([TransportOperation.Publish(published, [eventType])]);
            Assert.That((await inbox.Next()).Message.MessageId, Is.EqualTo(published.MessageId));
        }
        finally
        {
            foreach (var transport in transports)
            {
                await transport.DisposeAsync();
            }
        }
    }
}
