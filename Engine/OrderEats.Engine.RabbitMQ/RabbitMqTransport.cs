using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// The RabbitMQ transport. Two connections, as the broker's flow control blocks publishers only: one dispatches (through a pool of
/// confirmed channels), one receives. Dispatch rides out connection loss by waiting for recovery and publishing again (at least once).
/// </summary>
internal sealed class RabbitMqTransport : ITransport
{
    private const int MaxIdleChannels = 16;
    private static readonly TimeSpan QueueExistsCacheTime = TimeSpan.FromMinutes(1);

    private readonly RabbitMqOptions options;
    private readonly ILogger<RabbitMqTransport> logger;
    private readonly ConnectionManager dispatchConnection;
    private readonly ConnectionManager receiveConnection;
    private readonly ChannelPool channels;
    private readonly Topology topology;
    private readonly ConcurrentDictionary<string, bool> declaredHierarchies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> knownQueues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MessagePump, bool> pumps = new();
    private readonly SemaphoreSlim delayDeclaration = new(1, 1);
    private volatile bool delayInfrastructureDeclared;

    public RabbitMqTransport(Uri uri, RabbitMqOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        logger = loggerFactory.CreateLogger<RabbitMqTransport>();
        var name = options.ConnectionName ?? $"OrderEats {Process.GetCurrentProcess().ProcessName}";
        dispatchConnection = new ConnectionManager(uri, name + " (dispatch)", options, logger);
        receiveConnection = new ConnectionManager(uri, name + " (receive)", options, logger);
        channels = new ChannelPool(dispatchConnection, MaxIdleChannels);
        topology = new Topology(options.QueueType);
    }

    /// <summary>False while a connection this transport uses is down (or could not be opened yet); for health checks.</summary>
    public bool IsHealthy => dispatchConnection.IsHealthy && receiveConnection.IsHealthy;

    /// <summary>When the first of the connections went down, or null while all are up.</summary>
    public DateTimeOffset? DisconnectedSince =>
        new[] { dispatchConnection.DisconnectedSince, receiveConnection.DisconnectedSince }.Where(d => d is not null).Min();

    public async Task Setup(TransportSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        await WithChannel(
            async confirmed =>
            {
                var channel = confirmed.Channel;
                await EnsureDelayInfrastructure(channel, cancellationToken);
                var queues = new List<string> { setup.EndpointQueue, setup.ErrorQueue };
                queues.AddRange(setup.AdditionalQueues ?? []);
                foreach (var queue in queues.Distinct(StringComparer.Ordinal))
                {
                    await topology.DeclareQueue(channel, queue, cancellationToken);
                    knownQueues[queue] = DateTimeOffset.UtcNow;
                }

                await Topology.BindUnroutableDelays(channel, setup.ErrorQueue, cancellationToken);
                foreach (var eventType in setup.SubscribedEventTypes)
                {
                    await Topology.Subscribe(channel, setup.EndpointQueue, eventType, cancellationToken);
                }
            },
            "set up the topology of " + setup.EndpointQueue,
            cancellationToken);
        logger.LogInformation(
            "RabbitMQ topology ready for {Queue}: {QueueType} queues, {SubscriptionCount} subscriptions", setup.EndpointQueue, options.QueueType, setup.SubscribedEventTypes.Count);
    }

    public async Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            return;
        }

        // In order, on one channel: a dispatch is a handler's outgoing messages and receivers may rely on their order.
        // After a connection loss only the operations not yet confirmed are published again.
        var next = 0;
        await WithChannel(
            async channel =>
            {
                for (; next < operations.Count; next++)
                {
                    await Publish(channel, operations[next], cancellationToken);
                }
            },
            $"dispatch {operations.Count} message(s)",
            cancellationToken);
    }

    public async Task<IAsyncDisposable> Receive(ReceiveSettings settings, OnMessage onMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(onMessage);
        if (settings.MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxConcurrency, $"MaxConcurrency for queue '{settings.Queue}' must be at least 1.");
        }

        while (true)
        {
            var connection = await receiveConnection.GetConnection(cancellationToken);
            try
            {
                var pump = await MessagePump.Start(connection, settings, options.PrefetchMultiplier, onMessage, logger, Forget, cancellationToken);
                pumps[pump] = true;
                return pump;
            }
            catch (Exception ex) when (BrokerFailure.IsConnectionLoss(ex))
            {
                logger.LogWarning("Connection lost while starting to receive from {Queue}; waiting for recovery", settings.Queue);
                await receiveConnection.WaitUntilConnected(cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pump in pumps.Keys)
        {
            await pump.DisposeAsync();
        }

        await channels.DisposeAsync();
        await dispatchConnection.DisposeAsync();
        await receiveConnection.DisposeAsync();
        delayDeclaration.Dispose();
    }

    private async Task Publish(ConfirmedChannel channel, TransportOperation operation, CancellationToken cancellationToken)
    {
        var message = operation.Message;
        if (operation.IsPublish)
        {
            if (!declaredHierarchies.ContainsKey(operation.EventTypes[0]))
            {
                await Topology.DeclareEventHierarchy(channel.Channel, operation.EventTypes, cancellationToken);
                declaredHierarchies[operation.EventTypes[0]] = true;
            }

            try
            {
                await channel.Publish(operation.EventTypes[0], string.Empty, mandatory: false, OutgoingMapper.ToProperties(message), message.Body, cancellationToken);
            }
            catch (PublishException ex)
            {
                throw Refused(message.MessageId, $"event exchange '{operation.EventTypes[0]}'", ex);
            }
            catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
            {
                // Someone deleted the exchange since it was declared: declare the hierarchy again on the engine's next attempt.
                declaredHierarchies.TryRemove(operation.EventTypes[0], out _);
                throw new InvalidOperationException(
                    $"Event {message.MessageId} could not be published: exchange '{operation.EventTypes[0]}' no longer exists. It is declared again on the next attempt.", ex);
            }

            return;
        }

        var queue = operation.Queue!;
        var delaySeconds = operation.DeliverAt is { } deliverAt ? DelayInfrastructure.DelaySeconds(deliverAt, DateTimeOffset.UtcNow) : 0;
        try
        {
            if (delaySeconds <= 0)
            {
                await channel.Publish(string.Empty, queue, mandatory: true, OutgoingMapper.ToProperties(message), message.Body, cancellationToken);
                return;
            }

            await EnsureDelayInfrastructure(channel.Channel, cancellationToken);
            await EnsureQueueExists(queue, message.MessageId, cancellationToken);
            var routingKey = DelayInfrastructure.RoutingKey(delaySeconds, queue);
            var extra = new Dictionary<string, string>
            {
                [Headers.DeliverAt] = operation.DeliverAt!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                [Headers.DelayedDestination] = queue,
            };
            await channel.Publish(
                DelayInfrastructure.LevelName(DelayInfrastructure.StartLevel(delaySeconds)), routingKey, mandatory: true, OutgoingMapper.ToProperties(message, extra), message.Body, cancellationToken);
        }
        catch (PublishException ex) when (ex.IsReturn)
        {
            knownQueues.TryRemove(queue, out _);
            throw new InvalidOperationException(
                $"Message {message.MessageId} could not be sent to queue '{queue}': RabbitMQ could not route it because the queue does not exist. " +
                "Start the receiving endpoint once (its setup creates the queue) or correct the routing of this message type.",
                ex);
        }
        catch (PublishException ex)
        {
            throw Refused(message.MessageId, $"queue '{queue}'", ex);
        }
    }

    private static InvalidOperationException Refused(string messageId, string destination, PublishException exception) => new(
        $"RabbitMQ refused (nacked) message {messageId} for {destination}: it could not store it, e.g. the queue is full (x-max-length with " +
        "x-overflow reject-publish) or a quorum queue has no majority. Check the queue's limits and the broker's health; the message was not sent.",
        exception);

    private async Task EnsureQueueExists(string queue, string messageId, CancellationToken cancellationToken)
    {
        if (knownQueues.TryGetValue(queue, out var checkedAt) && DateTimeOffset.UtcNow - checkedAt < QueueExistsCacheTime)
        {
            return;
        }

        // A passive declare of a missing queue closes its channel, so it gets a throwaway one.
        var connection = await dispatchConnection.GetConnection(cancellationToken);
        var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            knownQueues[queue] = DateTimeOffset.UtcNow;
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
        {
            throw new InvalidOperationException(
                $"Delayed message {messageId} could not be scheduled for queue '{queue}': the queue does not exist. " +
                "Start the receiving endpoint once (its setup creates the queue) or correct the routing of this message type.",
                ex);
        }
        finally
        {
            await ChannelPool.Discard(probe);
        }
    }

    private async Task EnsureDelayInfrastructure(IChannel channel, CancellationToken cancellationToken)
    {
        if (delayInfrastructureDeclared)
        {
            return;
        }

        await delayDeclaration.WaitAsync(cancellationToken);
        try
        {
            if (!delayInfrastructureDeclared)
            {
                await DelayInfrastructure.Declare(channel, cancellationToken);
                delayInfrastructureDeclared = true;
            }
        }
        finally
        {
            delayDeclaration.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled channel; when the connection is lost, waits for recovery and runs it again.</summary>
    private async Task WithChannel(Func<ConfirmedChannel, Task> work, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConfirmedChannel? channel = null;
            try
            {
                channel = await channels.Rent(cancellationToken);
                await work(channel);
                await channels.Return(channel);
                return;
            }
            catch (Exception ex) when (BrokerFailure.IsConnectionLoss(ex) && !cancellationToken.IsCancellationRequested)
            {
                if (channel is not null)
                {
                    await ChannelPool.Discard(channel);
                }

                logger.LogWarning("Connection to RabbitMQ lost while trying to {Operation} ({Reason}); retrying once it recovers", what, ex.Message);
                await dispatchConnection.WaitUntilConnected(cancellationToken);
            }
            catch
            {
                if (channel is not null)
                {
                    await channels.Return(channel);
                }

                throw;
            }
        }
    }

    private void Forget(MessagePump pump) => pumps.TryRemove(pump, out _);
}
