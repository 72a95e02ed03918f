using System.Threading.Channels;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests.DeliveryLimit;

/// <summary>Retries and throttled mode requeue; after MaxRequeues the transport re-sends the message through the delay queues, so no count reaches the limit.</summary>
[TestFixture]
public sealed class When_a_message_is_requeued_again_and_again
{
    [Test]
    public async Task Should_keep_delivering_it_past_the_delivery_limit_and_never_dead_letter_it()
    {
        const int requeues = 9;
        await using var transport = TestTransports.Create(options =>
        {
            options.DeliveryLimit = 3;
            options.MaxRequeues = 2;
            options.RequeueDelay = TimeSpan.FromSeconds(1);
        });
        var queue = RabbitMqBroker.UniqueName("requeued");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var sent = TestMessages.New("not yet");
        await transport.Dispatch([TransportOperation.Send(sent, queue)]);
        var attempts = Channel.CreateUnbounded<IncomingMessage>();
        var attempt = 0;

        await using (await transport.Receive(new ReceiveSettings(queue, 1, errorQueue), (message, _) =>
        {
            attempts.Writer.TryWrite(message);
            return Task.FromResult(Interlocked.Increment(ref attempt) <= requeues ? ReceiveResult.Requeue : ReceiveResult.Ack);
        }))
        {
            for (var i = 0; i <= requeues; i++)
            {
                using var timeout = new CancellationTokenSource(Inbox.Timeout);
                Assert.That((await attempts.Reader.ReadAsync(timeout.Token)).MessageId, Is.EqualTo(sent.MessageId), $"attempt {i + 1}");
            }
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await transport.Count(queue), Is.Zero);
            Assert.That(await transport.Count(errorQueue), Is.Zero, "a requeued message reached the delivery limit");
        });
    }
}
