using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Contracts;

/// <summary>
/// The semantics every <see cref="ITransport"/> must have, run against each implementation by subclassing.
/// Queue and event names are unique per test, so the suite runs on a shared broker and in parallel with other assemblies.
/// </summary>
public abstract class TransportContract
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>How long a test waits for a signal before it fails.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly List<ITransport> transports = [];
    private readonly List<IAsyncDisposable> receivers = [];
    private string testId = "";

    /// <summary>Creates a new transport instance against the same underlying store (folder, broker) on every call: two instances act as two processes.</summary>
    protected abstract Task<ITransport> CreateTransport(CancellationToken cancellationToken);

    /// <summary>Puts a message into <paramref name="queue"/> that the transport cannot fully read (e.g. a corrupt envelope, a message without id), bypassing <see cref="ITransport.Dispatch"/>.</summary>
    protected abstract Task SendUnreadableMessage(string queue, CancellationToken cancellationToken);

    /// <summary>Gives the test its unique name suffix.</summary>
    [SetUp]
    public void CreateTestId() => testId = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Stops every receiver, then disposes every transport the test created.</summary>
    [TearDown]
    public async Task DisposeTransports()
    {
        foreach (var receiver in receivers)
        {
            await receiver.DisposeAsync();
        }

        foreach (var transport in transports)
        {
            await transport.DisposeAsync();
        }

        receivers.Clear();
        transports.Clear();
    }

    /// <summary>A sent message arrives with its id, headers and body intact.</summary>
    [Test]
    public async Task Should_deliver_a_sent_message_with_its_id_headers_and_body()
    {
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "send");
        var sent = NewMessage("hello, ünïcode");

        await transport.Dispatch([TransportOperation.Send(sent, queue)]);
        var received = await ReceiveInto(transport, queue);
        var message = await Next(received);

        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(message.Headers, Is.SupersetOf(sent.Headers));
            Assert.That(message.Body.ToArray(), Is.EqualTo(sent.Body.ToArray()));
            Assert.That(message.TransportError, Is.Null);
        });
    }

    /// <summary>Setup runs twice, from two instances, without failing or losing the queue.</summary>
    [Test]
    public async Task Should_allow_setup_twice_from_two_instances()
    {
        var first = await NewTransport();
        var second = await NewTransport();
        var setup = new TransportSetup(Name("idem"), Name("error"), [Name("Event")], [Name("extra")]);

        await first.Setup(setup);
        await second.Setup(setup);
        await first.Setup(setup);

        var sent = NewMessage("after setup");
        await second.Dispatch([TransportOperation.Send(sent, setup.EndpointQueue), TransportOperation.Send(NewMessage("extra"), Name("extra"))]);
        var message = await Next(await ReceiveInto(first, setup.EndpointQueue));
        Assert.That(message.MessageId, Is.EqualTo(sent.MessageId));
    }

    /// <summary>A publish reaches subscribers of the concrete type and of a base type, once per queue, and no one else.</summary>
    [Test]
    public async Task Should_publish_to_every_subscriber_of_the_type_hierarchy_once()
    {
        var transport = await NewTransport();
        var concrete = Name("Contracts.OrderShipped");
        var baseType = Name("Contracts.IOrderEvent");
        var byConcrete = await NewQueue(transport, "sub-concrete", concrete);
        var byBase = await NewQueue(transport, "sub-base", baseType);
        var byBoth = await NewQueue(transport, "sub-both", concrete, baseType);
        var unsubscribed = await NewQueue(transport, "unsubscribed", Name("Contracts.SomethingElse"));

        var published = NewMessage("event");
        await transport.Dispatch([TransportOperation.Publish(published, [concrete, baseType])]);

        foreach (var queue in new[] { byConcrete, byBase, byBoth })
        {
            var received = await ReceiveInto(transport, queue);
            Assert.That((await Next(received)).MessageId, Is.EqualTo(published.MessageId), $"queue {queue}");
            var marker = NewMessage("marker");
            await transport.Dispatch([TransportOperation.Send(marker, queue)]);
            Assert.That((await Next(received)).MessageId, Is.EqualTo(marker.MessageId), $"queue {queue} got a second copy of the event");
        }

        var markerOnly = NewMessage("marker");
        await transport.Dispatch([TransportOperation.Send(markerOnly, unsubscribed)]);
        Assert.That((await Next(await ReceiveInto(transport, unsubscribed))).MessageId, Is.EqualTo(markerOnly.MessageId));
    }

    /// <summary>A runtime subscription (to a base type) makes later publishes arrive; after unsubscribing they no longer do.</summary>
    [Test]
    public async Task Should_deliver_events_after_a_runtime_subscribe_and_stop_after_unsubscribe()
    {
        var transport = await NewTransport();
        var subscriptions = transport as ISubscriptionManager
            ?? throw new AssertionException($"{transport.GetType().Name} does not implement ISubscriptionManager.");
        var concrete = Name("Contracts.Runtime");
        var baseType = Name("Contracts.IRuntime");
        var queue = await NewQueue(transport, "runtime-sub");
        var received = await ReceiveInto(transport, queue);

        await subscriptions.Subscribe(queue, baseType);
        await subscriptions.Subscribe(queue, baseType);
        var first = NewMessage("after subscribe");
        await transport.Dispatch([TransportOperation.Publish(first, [concrete, baseType])]);
        Assert.That((await Next(received)).MessageId, Is.EqualTo(first.MessageId));

        await subscriptions.Unsubscribe(queue, baseType);
        await transport.Dispatch([TransportOperation.Publish(NewMessage("after unsubscribe"), [concrete, baseType])]);
        var marker = NewMessage("marker");
        await transport.Dispatch([TransportOperation.Send(marker, queue)]);
        Assert.That((await Next(received)).MessageId, Is.EqualTo(marker.MessageId), "the event published after unsubscribing arrived");
    }

    /// <summary>A publish of an event no one subscribes to succeeds and goes nowhere.</summary>
    [Test]
    public async Task Should_succeed_publishing_an_event_without_subscribers()
    {
        var transport = await NewTransport();

        var publish = TransportOperation.Publish(NewMessage("nobody listens"), [Name("Contracts.Unheard"), Name("Contracts.IUnheard")]);

        Assert.That(async () => await transport.Dispatch([publish]), Throws.Nothing);
    }

    /// <summary>A send to a queue that does not exist throws instead of vanishing.</summary>
    [Test]
    public async Task Should_throw_when_sending_to_a_queue_that_does_not_exist()
    {
        var transport = await NewTransport();
        await NewQueue(transport, "exists");

        Assert.That(
            async () => await transport.Dispatch([TransportOperation.Send(NewMessage("lost"), Name("missing"))]),
            Throws.InstanceOf<Exception>());
    }

    /// <summary>A delayed send is not visible before its time (1 s tolerance) and arrives after it.</summary>
    [Test]
    public async Task Should_deliver_a_delayed_message_not_before_its_time()
    {
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "delayed");
        var received = await ReceiveInto(transport, queue);
        var deliverAt = Clock.GetUtcNow().AddSeconds(2);
        var delayed = NewMessage("later");

        await transport.Dispatch([TransportOperation.Send(delayed, queue, deliverAt)]);
        var message = await Next(received);

        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(delayed.MessageId));
            Assert.That(Clock.GetUtcNow(), Is.GreaterThanOrEqualTo(deliverAt.AddSeconds(-1)));
        });
    }

    /// <summary>Two delayed messages arrive in the order they are due, not the order they were sent.</summary>
    [Test]
    public async Task Should_deliver_delayed_messages_in_due_order()
    {
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "due-order");
        var received = await ReceiveInto(transport, queue);
        var now = Clock.GetUtcNow();
        var late = NewMessage("late");
        var early = NewMessage("early");

        await transport.Dispatch([TransportOperation.Send(late, queue, now.AddSeconds(3))]);
        await transport.Dispatch([TransportOperation.Send(early, queue, now.AddSeconds(1))]);

        Assert.That((await Next(received)).MessageId, Is.EqualTo(early.MessageId));
        Assert.That((await Next(received)).MessageId, Is.EqualTo(late.MessageId));
    }

    /// <summary>Requeue returns the message for another attempt.</summary>
    [Test]
    public async Task Should_redeliver_a_requeued_message()
    {
        await AssertRedelivered((_, attempt) => Task.FromResult(attempt == 1 ? ReceiveResult.Requeue : ReceiveResult.Ack));
    }

    /// <summary>A callback that throws counts as Requeue.</summary>
    [Test]
    public async Task Should_redeliver_a_message_whose_callback_threw()
    {
        await AssertRedelivered((_, attempt) => attempt == 1
            ? throw new InvalidOperationException("Simulated handler failure on the first attempt.")
            : Task.FromResult(ReceiveResult.Ack));
    }

    /// <summary>An acked message is gone: a new receiver on another instance sees only what is sent afterwards.</summary>
    [Test]
    public async Task Should_remove_an_acked_message()
    {
        var first = await NewTransport();
        var queue = await NewQueue(first, "ack");
        var acked = NewMessage("acked");
        await first.Dispatch([TransportOperation.Send(acked, queue)]);
        var firstReceived = Channel.CreateUnbounded<IncomingMessage>();
        var firstReceiver = await first.Receive(new ReceiveSettings(queue, 1, Name("error")), (message, _) =>
        {
            firstReceived.Writer.TryWrite(message);
            return Task.FromResult(ReceiveResult.Ack);
        });
        Assert.That((await Next(firstReceived.Reader)).MessageId, Is.EqualTo(acked.MessageId));
        await StopReceiving(firstReceiver);

        var second = await NewTransport();
        var secondReceived = await ReceiveInto(second, queue);
        var marker = NewMessage("marker");
        await second.Dispatch([TransportOperation.Send(marker, queue)]);

        Assert.That((await Next(secondReceived)).MessageId, Is.EqualTo(marker.MessageId));
    }

    /// <summary>Concurrent callbacks reach MaxConcurrency and never exceed it.</summary>
    [Test]
    public async Task Should_respect_max_concurrency()
    {
        const int limit = 3;
        const int count = 12;
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "concurrency");
        await transport.Dispatch([.. Enumerable.Range(0, count).Select(i => TransportOperation.Send(NewMessage($"m{i}"), queue))]);

        var current = 0;
        var highest = 0;
        var done = 0;
        var limitReached = NewSignal();
        var allDone = NewSignal();
        var receiver = Track(await transport.Receive(new ReceiveSettings(queue, limit, Name("error")), async (_, cancellationToken) =>
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref highest, now);
            if (now == limit)
            {
                limitReached.TrySetResult();
            }

            // Barrier: nobody finishes until the limit was reached, so an over-eager transport shows up as a count above it.
            await limitReached.Task.WaitAsync(Timeout, cancellationToken);
            await Task.Yield();
            Interlocked.Decrement(ref current);
            if (Interlocked.Increment(ref done) == count)
            {
                allDone.TrySetResult();
            }

            return ReceiveResult.Ack;
        }));

        await limitReached.Task.WaitAsync(Timeout);
        await allDone.Task.WaitAsync(Timeout);
        await StopReceiving(receiver);
        Assert.That(highest, Is.EqualTo(limit));
    }

    /// <summary>Disposing the receiver waits for the callback in flight to finish.</summary>
    [Test]
    public async Task Should_wait_for_in_flight_callbacks_when_disposing_the_receiver()
    {
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "dispose");
        await transport.Dispatch([TransportOperation.Send(NewMessage("in flight"), queue)]);
        var started = NewSignal();
        var release = NewSignal();
        var finished = false;
        var receiver = await transport.Receive(new ReceiveSettings(queue, 1, Name("error")), async (_, _) =>
        {
            started.TrySetResult();
            // Not the callback's token: this test is about a callback that keeps running while the receiver stops.
            await release.Task.WaitAsync(Timeout, CancellationToken.None);
            await Task.Yield();
            Volatile.Write(ref finished, true);
            return ReceiveResult.Ack;
        });
        await started.Task.WaitAsync(Timeout);

        var disposing = receiver.DisposeAsync().AsTask();
        var completedWhileBlocked = disposing.IsCompleted;
        release.TrySetResult();
        await disposing.WaitAsync(Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(completedWhileBlocked, Is.False, "DisposeAsync completed while a callback was still running");
            Assert.That(Volatile.Read(ref finished), Is.True, "DisposeAsync completed before the callback finished");
        });
    }

    /// <summary>Two receivers on two instances share one queue and process every message exactly once between them.</summary>
    [Test]
    public async Task Should_process_each_message_once_with_competing_receivers()
    {
        const int count = 60;
        var first = await NewTransport();
        var second = await NewTransport();
        var queue = await NewQueue(first, "competing");
        var seen = new ConcurrentDictionary<string, int>();
        var allSeen = NewSignal();
        OnMessage onMessage = async (message, _) =>
        {
            seen.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
            if (seen.Count == count)
            {
                allSeen.TrySetResult();
            }

            await Task.Yield();
            return ReceiveResult.Ack;
        };
        var firstReceiver = Track(await first.Receive(new ReceiveSettings(queue, 2, Name("error")), onMessage));
        var secondReceiver = Track(await second.Receive(new ReceiveSettings(queue, 2, Name("error")), onMessage));

        var sent = Enumerable.Range(0, count).Select(i => NewMessage($"m{i}")).ToList();
        await first.Dispatch([.. sent.Take(count / 2).Select(m => TransportOperation.Send(m, queue))]);
        await second.Dispatch([.. sent.Skip(count / 2).Select(m => TransportOperation.Send(m, queue))]);
        await allSeen.Task.WaitAsync(Timeout);
        await StopReceiving(firstReceiver);
        await StopReceiving(secondReceiver);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Keys, Is.EquivalentTo(sent.Select(m => m.MessageId)));
            Assert.That(seen.Where(pair => pair.Value > 1).Select(pair => pair.Key), Is.Empty, "messages processed more than once");
        });
    }

    /// <summary>A message the transport cannot fully read is still handed over, with a generated id and TransportError, so the engine can move it.</summary>
    [Test]
    public async Task Should_deliver_an_unreadable_message_with_a_transport_error()
    {
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "unreadable");
        await SendUnreadableMessage(queue, CancellationToken.None);

        var message = await Next(await ReceiveInto(transport, queue));

        Assert.Multiple(() =>
        {
            Assert.That(message.TransportError, Is.Not.Null.And.Not.Empty);
            Assert.That(message.MessageId, Is.Not.Null.And.Not.Empty);
        });
    }

    /// <summary>A name unique to this test: <paramref name="role"/> plus the test's id.</summary>
    protected string Name(string role) => $"{role}-{testId}";

    private async Task AssertRedelivered(Func<IncomingMessage, int, Task<ReceiveResult>> decide)
    {
        var transport = await NewTransport();
        var queue = await NewQueue(transport, "redeliver");
        var sent = NewMessage("again");
        await transport.Dispatch([TransportOperation.Send(sent, queue)]);
        var attempts = Channel.CreateUnbounded<IncomingMessage>();
        var attempt = 0;
        Track(await transport.Receive(new ReceiveSettings(queue, 1, Name("error")), (message, _) =>
        {
            attempts.Writer.TryWrite(message);
            return decide(message, Interlocked.Increment(ref attempt));
        }));

        var firstAttempt = await Next(attempts.Reader);
        var secondAttempt = await Next(attempts.Reader);

        Assert.Multiple(() =>
        {
            Assert.That(firstAttempt.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(secondAttempt.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(secondAttempt.Body.ToArray(), Is.EqualTo(sent.Body.ToArray()));
        });
    }

    private async Task<ITransport> NewTransport()
    {
        var transport = await CreateTransport(CancellationToken.None);
        transports.Add(transport);
        return transport;
    }

    private async Task<string> NewQueue(ITransport transport, string role, params string[] subscribedEventTypes)
    {
        var queue = Name(role);
        await transport.Setup(new TransportSetup(queue, Name("error"), subscribedEventTypes));
        return queue;
    }

    private async Task<ChannelReader<IncomingMessage>> ReceiveInto(ITransport transport, string queue)
    {
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Track(await transport.Receive(new ReceiveSettings(queue, 1, Name("error")), (message, _) =>
        {
            received.Writer.TryWrite(message);
            return Task.FromResult(ReceiveResult.Ack);
        }));
        return received.Reader;
    }

    private IAsyncDisposable Track(IAsyncDisposable receiver)
    {
        receivers.Add(receiver);
        return receiver;
    }

    private async Task StopReceiving(IAsyncDisposable receiver)
    {
        receivers.Remove(receiver);
        await receiver.DisposeAsync().AsTask().WaitAsync(Timeout);
    }

    private static async Task<IncomingMessage> Next(ChannelReader<IncomingMessage> reader)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No message arrived within {Timeout.TotalSeconds} s.");
        }
    }

    private static OutgoingMessage NewMessage(string text)
    {
        var id = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = id,
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "Contracts.Test;Contracts.ITest",
            ["Custom.Header"] = "value with spaces; and = signs",
        };
        return new OutgoingMessage(id, headers, Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}"));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
