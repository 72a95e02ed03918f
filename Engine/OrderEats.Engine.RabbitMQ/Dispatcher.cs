using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// Publishes on pooled confirmed channels: sends to the default exchange with mandatory, events to their type's exchange, delayed sends
/// into the delay cascade. Rides out connection loss by waiting for recovery and publishing again (at least once).
/// </summary>
internal sealed class Dispatcher(ConnectionManager connection, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private const int MaxIdleChannels = 16;
    private static readonly TimeSpan QueueExistsCacheTime = TimeSpan.FromMinutes(1);

    private readonly ChannelPool channels = new(connection, MaxIdleChannels);
    private readonly ConcurrentDictionary<string, bool> declaredHierarchies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> knownQueues = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim delayDeclaration = new(1, 1);
    private volatile bool delayInfrastructureDeclared;

    public async Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
    {
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

    /// <summary>Runs <paramref name="work"/> on a pooled channel; when the connection is lost, waits for recovery and runs it again.</summary>
    public async Task WithChannel(Func<ConfirmedChannel, Task> work, string what, CancellationToken cancellationToken = default)
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
                await connection.WaitUntilConnected(cancellationToken);
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

    public void MarkQueueKnown(string queue) => knownQueues[queue] = time.GetUtcNow();

    /// <summary>True when <paramref name="queue"/> exists (a passive declare, which needs no permission).</summary>
    public async Task<bool> QueueExists(string queue, CancellationToken cancellationToken = default)
    {
        try
        {
            await WithProbe(probe => probe.QueueDeclarePassiveAsync(queue, cancellationToken), cancellationToken);
            return true;
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
        {
            return false;
        }
    }

    public async Task EnsureDelayInfrastructure(IChannel channel, CancellationToken cancellationToken = default)
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
                // Declared once by whoever may (the console's account in production); the others find it and only publish into it.
                if (!await QueueExists(DelayInfrastructure.LevelName(DelayInfrastructure.Levels - 1), cancellationToken))
                {
                    await DelayInfrastructure.Declare(channel, cancellationToken);
                }

                delayInfrastructureDeclared = true;
            }
        }
        finally
        {
            delayDeclaration.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channels.DisposeAsync();
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
                await channel.Publish(operation.EventTypes[0], string.Empty, mandatory: false, OutgoingMapper.ToProperties(message, time), message.Body, cancellationToken);
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
        var delaySeconds = operation.DeliverAt is { } deliverAt ? DelayInfrastructure.DelaySeconds(deliverAt, time.GetUtcNow()) : 0;
        try
        {
            if (delaySeconds <= 0)
            {
                // To the queue's own exchange, not the default one: writing to the default exchange would let a broker account write to every
                // queue, so per-service permissions could not keep a service out of queues it has no business sending to.
                await channel.Publish(queue, string.Empty, mandatory: true, OutgoingMapper.ToProperties(message, time), message.Body, cancellationToken);
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
                DelayInfrastructure.LevelName(DelayInfrastructure.StartLevel(delaySeconds)), routingKey, mandatory: true, OutgoingMapper.ToProperties(message, time, extra), message.Body, cancellationToken);
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
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
        {
            knownQueues.TryRemove(queue, out _);
            throw new InvalidOperationException(
                $"Message {message.MessageId} could not be sent to queue '{queue}': RabbitMQ has no exchange '{queue}' ({ex.ShutdownReason?.ReplyText}), so the queue does not exist " +
                "or was not created by an OrderEats endpoint (each queue has a fanout exchange of its name). Start the receiving endpoint once (its setup creates both) " +
                "or correct the routing of this message type.",
                ex);
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 403)
        {
            throw new InvalidOperationException(
                $"Message {message.MessageId} could not be sent to queue '{queue}': RabbitMQ refused it ({ex.ShutdownReason?.ReplyText}). This endpoint's broker account has no " +
                "write permission on that queue's exchange; grant it (see docs/production.md, RabbitMQ accounts) or correct the routing of this message type.",
                ex);
        }
    }

    private static InvalidOperationException Refused(string messageId, string destination, PublishException exception) => new(
        $"RabbitMQ refused (nacked) message {messageId} for {destination}: it could not store it, e.g. the queue is full (x-max-length with " +
        "x-overflow reject-publish) or a quorum queue has no majority. Check the queue's limits and the broker's health; the message was not sent.",
        exception);

    /// <summary>Messages ready in <paramref name="queue"/>; 0 when it does not exist. Retries after a connection loss like a dispatch.</summary>
    public async Task<long> Count(string queue, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                return await WithProbe(async probe => (long)(await probe.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount, cancellationToken);
            }
            catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
            {
                return 0;
            }
            catch (Exception ex) when (BrokerFailure.IsConnectionLoss(ex) && !cancellationToken.IsCancellationRequested)
            {
                await connection.WaitUntilConnected(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Declares an existing shared queue again with the arguments this endpoint would create it with, so a queue declared without them (before
    /// the delivery limit, or by hand) is found at startup. An account that may not configure the queue cannot tell (403); its owner's setup can.
    /// </summary>
    public async Task CheckQueueArguments(string queue, IDictionary<string, object?>? arguments, CancellationToken cancellationToken = default)
    {
        try
        {
            await WithProbe(
                probe => probe.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken),
                cancellationToken);
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 403)
        {
            // Not this account's queue to configure.
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 406)
        {
            throw new InvalidOperationException(QueueMismatch.Explain(queue, arguments, ex.ShutdownReason?.ReplyText ?? ex.Message), ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a throwaway channel: a passive declare of a missing queue closes its channel.</summary>
    private async Task<T> WithProbe<T>(Func<IChannel, Task<T>> work, CancellationToken cancellationToken)
    {
        var open = await connection.GetConnection(cancellationToken);
        var probe = await open.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return await work(probe);
        }
        finally
        {
            await ChannelPool.Discard(probe);
        }
    }

    private async Task EnsureQueueExists(string queue, string messageId, CancellationToken cancellationToken)
    {
        if (knownQueues.TryGetValue(queue, out var checkedAt) && time.GetUtcNow() - checkedAt < QueueExistsCacheTime)
        {
            return;
        }

        try
        {
            await WithProbe(probe => probe.QueueDeclarePassiveAsync(queue, cancellationToken), cancellationToken);
            knownQueues[queue] = time.GetUtcNow();
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
        {
            throw new InvalidOperationException(
                $"Delayed message {messageId} could not be scheduled for queue '{queue}': the queue does not exist. " +
                "Start the receiving endpoint once (its setup creates the queue) or correct the routing of this message type.",
                ex);
        }
    }
}
