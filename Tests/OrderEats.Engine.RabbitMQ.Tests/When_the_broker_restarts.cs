using System.Collections.Concurrent;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>Stops and starts a broker of its own (never the run's shared one, which may belong to someone else).</summary>
[TestFixture]
public sealed class When_the_broker_restarts
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private RabbitMqBroker broker = null!;

    [OneTimeSetUp]
    public async Task StartBroker() => broker = await RabbitMqBroker.StartPrivateAsync();

    [OneTimeTearDown]
    public async Task StopBroker() => await broker.DisposeAsync();

    [TearDown]
    public async Task RestartIfStopped()
    {
        if (!broker.IsRunning)
        {
            await broker.Start();
        }
    }

    [Test]
    public async Task Should_lose_no_message_and_resume_receiving_by_itself()
    {
        const int count = 200;
        await using var sender = TestTransports.Create(broker.AmqpUri);
        await using var receiver = TestTransports.Create(broker.AmqpUri);
        var queue = RabbitMqBroker.UniqueName("restart");
        await sender.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));
        var seen = new ConcurrentDictionary<string, bool>();
        var quarterSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAfterRestart = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = Enumerable.Range(0, count).Select(i => TestMessages.New($"m{i}")).ToList();
        var sentWhileDown = sent.Skip(count / 2).Select(m => m.MessageId).ToHashSet();
        await using var pump = await receiver.Receive(new ReceiveSettings(queue, 4, "error"), async (message, cancellationToken) =>
        {
            if (sentWhileDown.Contains(message.MessageId))
            {
                // Only the new connection can deliver these: the first one marks receiving resumed.
                firstAfterRestart.TrySetResult(Clock.GetUtcNow());
            }
            else if (!restarted.Task.IsCompleted && seen.Count >= count / 4)
            {
                // Hold these in flight across the restart: their acks are lost with the connection, so the broker must redeliver them.
                quarterSeen.TrySetResult();
                await restarted.Task.WaitAsync(Timeout, cancellationToken);
                return ReceiveResult.Ack;
            }

            seen.TryAdd(message.MessageId, true);
            if (seen.Count == count)
            {
                allSeen.TrySetResult();
            }

            return ReceiveResult.Ack;
        });

        foreach (var message in sent.Take(count / 2))
        {
            await sender.Dispatch([TransportOperation.Send(message, queue)]);
        }

        await quarterSeen.Task.WaitAsync(Timeout);
        await broker.Stop();
        using var sending = new CancellationTokenSource(Timeout);
        var sendRestWhileDown = Task.Run(
            async () =>
            {
                foreach (var message in sent.Skip(count / 2))
                {
                    await sender.Dispatch([TransportOperation.Send(message, queue)], sending.Token);
                }
            },
            sending.Token);
        await broker.Start();
        var brokerUp = Clock.GetUtcNow();
        restarted.TrySetResult();

        await sendRestWhileDown.WaitAsync(Timeout);
        await allSeen.Task.WaitAsync(Timeout);
        var flowing = await firstAfterRestart.Task.WaitAsync(Timeout);
        await TestContext.Out.WriteLineAsync($"Messages sent while the broker was down arrived {(flowing - brokerUp).TotalSeconds:F1} s after it was up again.");

        Assert.Multiple(() =>
        {
            Assert.That(seen.Keys, Is.EquivalentTo(sent.Select(m => m.MessageId)));
            Assert.That(sender.IsHealthy && receiver.IsHealthy, Is.True);
        });
    }

    [Test]
    public async Task Should_raise_the_critical_error_when_down_too_long_and_recover_afterwards()
    {
        var critical = new TaskCompletionSource<RabbitMqCriticalError>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = TestTransports.Create(broker.AmqpUri, options =>
        {
            options.CriticalErrorAfter = TimeSpan.FromSeconds(2);
            options.OnCriticalError = critical.SetResult;
        });
        var queue = RabbitMqBroker.UniqueName("critical");
        await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));

        await broker.Stop();
        var error = await critical.Task.WaitAsync(Timeout);
        var healthyWhileDown = transport.IsHealthy;
        var dispatchWhileDown = transport.Dispatch([TransportOperation.Send(TestMessages.New("waits"), queue)]);
        var dispatchCompletedWhileDown = dispatchWhileDown.IsCompleted;
        await broker.Start();
        await dispatchWhileDown.WaitAsync(Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("has been down since"));
            Assert.That(healthyWhileDown, Is.False);
            Assert.That(dispatchCompletedWhileDown, Is.False, "Dispatch completed while the broker was down");
            Assert.That(transport.IsHealthy, Is.True);
        });
    }

    [Test]
    public async Task Should_give_up_waiting_for_the_broker_when_cancelled()
    {
        await using var transport = TestTransports.Create(broker.AmqpUri);
        var queue = RabbitMqBroker.UniqueName("cancelled");
        await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));
        await broker.Stop();
        using var cancellation = new CancellationTokenSource();

        var dispatch = transport.Dispatch([TransportOperation.Send(TestMessages.New("never"), queue)], cancellation.Token);
        await cancellation.CancelAsync();

        Assert.That(async () => await dispatch.WaitAsync(Timeout), Throws.InstanceOf<OperationCanceledException>());
    }
}
