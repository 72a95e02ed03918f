using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>
/// The file-based transport: a folder per queue, one file per message, atomic renames for every state change.
/// Several processes may share the folder (competing consumers); a kill at any point loses no dispatched message.
/// </summary>
internal sealed class LearningTransport : ITransport, IQueueDepth, ISubscriptionManager
{
    private readonly LearningLayout layout;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly DelayedDelivery delayedDelivery;
    private readonly ConcurrentDictionary<LearningReceiver, bool> receivers = new();

    public LearningTransport(string folder, TimeProvider time, ILoggerFactory loggerFactory)
    {
        this.time = time;
        layout = new LearningLayout(folder, time);
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<LearningTransport>();
        delayedDelivery = new DelayedDelivery(layout, time, logger);
    }

    public Task Setup(TransportSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        foreach (var queue in new[] { setup.EndpointQueue, setup.ErrorQueue }.Concat(setup.AdditionalQueues ?? []))
        {
            Directory.CreateDirectory(layout.Queue(queue));
        }

        foreach (var eventType in setup.SubscribedEventTypes)
        {
            AddSubscriber(setup.EndpointQueue, eventType);
        }

        foreach (var eventType in setup.UnsubscribedEventTypes ?? [])
        {
            RemoveSubscriber(setup.EndpointQueue, eventType);
        }

        logger.LogInformation("Learning transport set up queue {Queue} in {Folder}", setup.EndpointQueue, layout.Root);
        return Task.CompletedTask;
    }

    public Task Subscribe(string endpointQueue, string eventType, CancellationToken cancellationToken = default)
    {
        AddSubscriber(endpointQueue, eventType);
        logger.LogInformation("Queue {Queue} subscribed to {EventType}", endpointQueue, eventType);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(string endpointQueue, string eventType, CancellationToken cancellationToken = default)
    {
        RemoveSubscriber(endpointQueue, eventType);
        logger.LogInformation("Queue {Queue} unsubscribed from {EventType}", endpointQueue, eventType);
        return Task.CompletedTask;
    }

    public Task<long> Count(string queue, CancellationToken cancellationToken = default)
    {
        var path = layout.Queue(queue);
        return Task.FromResult(Directory.Exists(path) ? (long)MessageFile.List(path).Count : 0L);
    }

    public async Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var destinations = operations.Select<TransportOperation, string[]>(operation => operation.IsPublish ? Subscribers(operation.EventTypes) : CheckedQueue(operation)).ToList();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var message = operation.Message;
            var headers = message.Headers.ToDictionary(StringComparer.Ordinal);
            foreach (var queue in destinations[i])
            {
                if (operation.DeliverAt is { } deliverAt && deliverAt > time.GetUtcNow())
                {
                    // As on RabbitMQ, a delayed message carries when it became due (critical time counts from there).
                    var envelope = new LearningEnvelope(
                        message.MessageId, new Dictionary<string, string>(headers, StringComparer.Ordinal) { [Headers.DeliverAt] = deliverAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
                        message.Body.ToArray(), queue);
                    await MessageFile.WriteAtomically(layout.Temp, Path.Combine(layout.Delayed, MessageFile.DelayedName(deliverAt)), envelope.ToBytes(), cancellationToken);
                }
                else
                {
                    var envelope = new LearningEnvelope(message.MessageId, headers, message.Body.ToArray());
                    await MessageFile.WriteAtomically(layout.Temp, Path.Combine(layout.Queue(queue), MessageFile.NextName(time)), envelope.ToBytes(), cancellationToken);
                }
            }
        }
    }

    public Task<IAsyncDisposable> Receive(ReceiveSettings settings, OnMessage onMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(onMessage);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxConcurrency, 1);
        var queuePath = layout.Queue(settings.Queue);
        if (!Directory.Exists(queuePath))
        {
            throw new InvalidOperationException(
                $"Cannot receive from queue '{settings.Queue}': its folder {queuePath} does not exist. Run Setup for the endpoint first (starting the endpoint does).");
        }

        var receiver = new LearningReceiver(queuePath, settings, onMessage, time, loggerFactory.CreateLogger<LearningReceiver>());
        receivers.TryAdd(receiver, true);
        return Task.FromResult<IAsyncDisposable>(new ReceiverHandle(receiver, receivers));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var receiver in receivers.Keys)
        {
            await receiver.DisposeAsync();
        }

        await delayedDelivery.DisposeAsync();
    }

    private void AddSubscriber(string endpointQueue, string eventType)
    {
        var subscribers = layout.Subscribers(eventType);
        Directory.CreateDirectory(subscribers);
        var marker = Path.Combine(subscribers, Path.GetFileName(layout.Queue(endpointQueue)));
        if (!File.Exists(marker))
        {
            using (File.Open(marker, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
    }

    private void RemoveSubscriber(string endpointQueue, string eventType)
    {
        var subscribers = layout.Subscribers(eventType);
        if (Directory.Exists(subscribers))
        {
            File.Delete(Path.Combine(subscribers, Path.GetFileName(layout.Queue(endpointQueue))));
        }
    }

    private string[] CheckedQueue(TransportOperation operation)
    {
        var queue = operation.Queue!;
        if (!Directory.Exists(layout.Queue(queue)))
        {
            throw new InvalidOperationException(
                $"Cannot send message {operation.Message.MessageId} to queue '{queue}': there is no folder {layout.Queue(queue)}. " +
                $"Start the endpoint that owns '{queue}' once (its Setup creates the queue), add '{queue}' to AdditionalQueues, or fix the routing.");
        }

        return [queue];
    }

    private string[] Subscribers(IReadOnlyList<string> eventTypes) =>
        [.. eventTypes
            .Select(layout.Subscribers)
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(marker => Path.GetFileName(marker))
            .Distinct(StringComparer.Ordinal)
            .Where(queue => Directory.Exists(layout.Queue(queue)))];
}
