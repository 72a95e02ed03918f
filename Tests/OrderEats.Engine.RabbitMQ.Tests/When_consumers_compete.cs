using System.Collections.Concurrent;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_consumers_compete
{
    [Test]
    public async Task Should_share_the_queue_between_two_instances_and_process_each_message_once()
    {
        const int count = 40;
        await using var first = TestTransports.Create();
        await using var second = TestTransports.Create();
        var queue = RabbitMqBroker.UniqueName("competing");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await first.Setup(new TransportSetup(queue, errorQueue, []));
        await second.Setup(new TransportSetup(queue, errorQueue, []));
        var processedBy = new ConcurrentDictionary<string, ConcurrentBag<int>>();
        var secondWorked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        OnMessage Handler(int instance) => async (message, cancellationToken) =>
        {
            processedBy.GetOrAdd(message.MessageId, _ => []).Add(instance);
            if (instance == 2)
            {
                secondWorked.TrySetResult();
            }
            else
            {
                // Barrier: the first instance holds its messages until the second has processed one, so it cannot take them all.
                await secondWorked.Task.WaitAsync(Inbox.Timeout, cancellationToken);
            }

            if (processedBy.Count == count)
            {
                allDone.TrySetResult();
            }

            return ReceiveResult.Ack;
        };

        await using (await first.Receive(new ReceiveSettings(queue, 1, errorQueue), Handler(1)))
        await using (await second.Receive(new ReceiveSettings(queue, 1, errorQueue), Handler(2)))
        {
            await first.Dispatch([.. Enumerable.Range(0, count).Select(i => TransportOperation.Send(TestMessages.New($"m{i}"), queue))]);
            await allDone.Task.WaitAsync(Inbox.Timeout);
        }

        var instances = processedBy.Values.SelectMany(bag => bag).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(processedBy.Values.Select(bag => bag.Count), Is.All.EqualTo(1), "a message was processed twice");
            Assert.That(instances, Does.Contain(1).And.Contain(2));
        });
    }
}
