using System.Text;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests.DeliveryLimit;

/// <summary>
/// The crash loop: a handler that SIGKILLs its own process on every delivery. Nothing in the process can count that, so the queue's delivery limit
/// must end it: the message lands in the error queue, with failure headers that say why, after exactly limit + 1 deaths, and is never lost.
/// </summary>
[TestFixture]
public sealed class When_a_handler_kills_its_process_on_every_delivery
{
    private const int Limit = 2;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Should_end_in_the_error_queue_with_the_reason_after_the_delivery_limit()
    {
        var amqpUri = BrokerSetUpFixture.Broker.AmqpUri;
        var queue = RabbitMqBroker.UniqueName("crash-loop");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await using var transport = TestTransports.Create(options => { options.DeliveryLimit = Limit; options.MaxRequeues = 1; });
        await transport.Setup(new TransportSetup(queue, errorQueue, []));
        var poison = Poison();
        await transport.Dispatch([TransportOperation.Send(poison, queue)]);

        var exitCodes = new List<int>();
        for (var death = 1; death <= Limit + 1; death++)
        {
            using var target = CrashTargetProcess.Start(amqpUri, queue, errorQueue, Limit);
            exitCodes.Add(await target.WaitForExit(ProcessTimeout));
            Assert.That(target.Output, Does.Contain($"dying on {poison.MessageId}"), $"death {death}");
        }

        var inbox = new Inbox();
        await using var errors = await transport.Receive(new ReceiveSettings(errorQueue, 1, errorQueue), inbox.Callback);
        var (failed, _) = await inbox.Next();

        // One more life: the loop is over, so the endpoint now runs without dying.
        using (var survivor = CrashTargetProcess.Start(amqpUri, queue, errorQueue, Limit))
        {
            await survivor.Ready.WaitAsync(ProcessTimeout);
            Assert.That(await survivor.Stop(ProcessTimeout), Is.Zero, survivor.Output);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(exitCodes, Is.All.EqualTo(137), "each life should end in SIGKILL");
            Assert.That(failed.MessageId, Is.EqualTo(poison.MessageId));
            Assert.That(failed.Body.ToArray(), Is.EqualTo(poison.Body.ToArray()));
            Assert.That(failed.Headers[Headers.FailedQueue], Is.EqualTo(queue));
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo("OrderEats.Engine.RabbitMQ.DeliveryLimitExceeded"));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("delivery limit"));
            Assert.That(await transport.Count(queue), Is.Zero);
        });
    }

    private static OutgoingMessage Poison()
    {
        var message = TestMessages.New("poison", new Dictionary<string, string>
        {
            [Headers.EnclosedMessageTypes] = "OrderEats.Engine.RabbitMQ.CrashTarget.KillProcess",
        });
        return message with { Body = Encoding.UTF8.GetBytes("{\"reason\":\"crash-loop test\"}") };
    }
}
