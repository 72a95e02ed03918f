using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_counting_a_queue
{
    [Test]
    public async Task Should_count_the_ready_messages_and_zero_for_a_missing_queue()
    {
        await using var transport = TestTransports.CreateSeam();
        var queue = RabbitMqBroker.UniqueName("depth");
        await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));
        await transport.Dispatch([.. Enumerable.Range(0, 3).Select(i => TransportOperation.Send(TestMessages.New($"m{i}"), queue))]);

        var depth = transport as IQueueDepth;
        Assert.That(depth, Is.Not.Null, "the RabbitMQ transport offers the queue-depth capability");
        var ready = await depth!.Count(queue);
        var missing = await depth.Count(RabbitMqBroker.UniqueName("missing"));

        Assert.Multiple(() =>
        {
            Assert.That(ready, Is.EqualTo(3));
            Assert.That(missing, Is.Zero);
        });
    }
}
