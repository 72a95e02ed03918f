using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// The RabbitMQ transport. Two connections, as the broker's flow control blocks publishers only: one dispatches, one receives.
/// </summary>
internal sealed partial class RabbitMqTransport : ITransport, IQueueDepth, ITransportHealth
{
    private readonly RabbitMqOptions options;
    private readonly ILogger<RabbitMqTransport> logger;
    private readonly TimeProvider time;
    private readonly ConnectionManager dispatchConnection;
    private readonly ConnectionManager receiveConnection;
    private readonly Dispatcher dispatcher;
    private readonly ConcurrentDictionary<MessagePump, bool> pumps = new();

    public RabbitMqTransport(BrokerAddresses addresses, RabbitMqOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        this.time = time;
        logger = loggerFactory.CreateLogger<RabbitMqTransport>();
        var name = options.ConnectionName ?? $"OrderEats {Process.GetCurrentProcess().ProcessName}";
        dispatchConnection = new ConnectionManager(addresses, name + " (dispatch)", options, time, logger);
        receiveConnection = new ConnectionManager(addresses, name + " (receive)", options, time, logger);
        dispatcher = new Dispatcher(dispatchConnection, time, logger);
    }

    /// <summary>False while a connection this transport uses is down (or could not be opened yet); for health checks.</summary>
    public bool IsHealthy => dispatchConnection.IsHealthy && receiveConnection.IsHealthy;

    /// <summary>When the first of the connections went down, or null while all are up.</summary>
    public DateTimeOffset? DisconnectedSince =>
        new[] { dispatchConnection.DisconnectedSince, receiveConnection.DisconnectedSince }.Where(d => d is not null).Min();

    /// <summary>The node the dispatching connection is on (tests kill it).</summary>
    internal AmqpTcpEndpoint? DispatchNode => dispatchConnection.ConnectedEndpoint;

    /// <summary>The node the receiving connection is on (tests kill it).</summary>
    internal AmqpTcpEndpoint? ReceiveNode => receiveConnection.ConnectedEndpoint;

    public async Task Setup(TransportSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        // Shared infrastructure (the delay cascade, the error queue, queues the endpoint only sends to) is created by whoever comes first and
        // may; an endpoint whose account may not create it waits until the account that owns it (the console's, in production) has.
        await SharedTopology.Ensure(
            "the delay cascade (ordereats.delay.*)",
            () => dispatcher.WithChannel(channel => dispatcher.EnsureDelayInfrastructure(channel.Channel, cancellationToken), "set up the delay cascade", cancellationToken),
            options,
            logger,
            cancellationToken);
        foreach (var (queue, arguments) in QueuesOf(setup).Where(q => q.Queue != setup.EndpointQueue))
        {
            await SharedTopology.Ensure(
                $"queue '{queue}'",
                async () =>
                {
                    if (!await dispatcher.QueueExists(queue, cancellationToken))
                    {
                        await dispatcher.WithChannel(
                            async channel =>
                            {
                                await Topology.DeclareQueue(channel.Channel, queue, arguments, cancellationToken);
                                if (queue == setup.ErrorQueue)
                                {
                                    // A delayed message whose destination vanished reaches the error queue (whoever creates it binds it).
                                    await Topology.BindUnroutableDelays(channel.Channel, queue, cancellationToken);
                                }
                            },
                            "set up queue " + queue,
                            cancellationToken);
                    }
                    else
                    {
                        await dispatcher.CheckQueueArguments(queue, arguments, cancellationToken);
                    }
                },
                options,
                logger,
                cancellationToken);
            dispatcher.MarkQueueKnown(queue);
        }

        await dispatcher.WithChannel(
            async confirmed =>
            {
                var channel = confirmed.Channel;
                var (endpointQueue, endpointArguments) = QueuesOf(setup).Single(q => q.Queue == setup.EndpointQueue);
                await Topology.DeclareQueue(channel, endpointQueue, endpointArguments, cancellationToken);
                dispatcher.MarkQueueKnown(endpointQueue);
                if (setup.EndpointQueue == setup.ErrorQueue)
                {
                    await Topology.BindUnroutableDelays(channel, setup.ErrorQueue, cancellationToken);
                }

                foreach (var eventType in setup.SubscribedEventTypes)
                {
                    await Topology.Subscribe(channel, setup.EndpointQueue, eventType, cancellationToken);
                }

                foreach (var eventType in setup.UnsubscribedEventTypes ?? [])
                {
                    await Topology.Unsubscribe(channel, setup.EndpointQueue, eventType, cancellationToken);
                }
            },
            "set up the topology of " + setup.EndpointQueue,
            cancellationToken);
        logger.LogInformation(
            "RabbitMQ topology ready for {Queue}: {QueueType} queues, delivery limit {DeliveryLimit}, {SubscriptionCount} subscriptions",
            setup.EndpointQueue, options.QueueType, QueueArguments.DeadLetters(options) ? options.DeliveryLimit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none", setup.SubscribedEventTypes.Count);
    }

    public async Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            return;
        }

        await dispatcher.Dispatch(operations, cancellationToken);
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
            try
            {
                var pump = await MessagePump.Start(receiveConnection, settings, options, time, onMessage, logger, Forget, Defer, cancellationToken);
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

    public Task<long> Count(string queue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        return dispatcher.Count(queue, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pump in pumps.Keys)
        {
            await pump.DisposeAsync();
        }

        await dispatcher.DisposeAsync();
        await dispatchConnection.DisposeAsync();
        await receiveConnection.DisposeAsync();
    }

    /// <summary>The queues to declare, targets first: the error queue's parking queue, the error queue, the endpoint queue, the additional ones.</summary>
    private IEnumerable<(string Queue, IDictionary<string, object?>? Arguments)> QueuesOf(TransportSetup setup)
    {
        if (QueueArguments.DeadLetters(options))
        {
            yield return (QueueArguments.ParkedQueue(setup.ErrorQueue), QueueArguments.ForParkedQueue(options));
        }

        yield return (setup.ErrorQueue, QueueArguments.ForErrorQueue(options, setup.ErrorQueue));
        foreach (var queue in new[] { setup.EndpointQueue }.Concat(setup.AdditionalQueues ?? []).Distinct(StringComparer.Ordinal).Where(q => q != setup.ErrorQueue))
        {
            yield return (queue, QueueArguments.ForQueue(options, setup.ErrorQueue));
        }
    }

    /// <summary>Sends a copy of <paramref name="message"/> (same id, headers and body) back to <paramref name="queue"/> through the delay queues.</summary>
    private Task Defer(IncomingMessage message, string queue, CancellationToken cancellationToken)
    {
        var copy = new OutgoingMessage(message.MessageId, message.Headers, message.Body);
        return dispatcher.Dispatch([TransportOperation.Send(copy, queue, time.GetUtcNow() + options.RequeueDelay)], cancellationToken);
    }

    private void Forget(MessagePump pump) => pumps.TryRemove(pump, out _);
}
