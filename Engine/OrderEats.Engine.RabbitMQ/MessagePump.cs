using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// One consumer on its own channel: prefetch MaxConcurrency × multiplier, MaxConcurrency deliveries processed at once, manual acks.
/// A requeue is a <c>basic.reject</c> (RabbitMQ 4.3+ counts only rejects, not nacks, as failed deliveries); a delivery the broker has counted
/// MaxRequeues times is re-sent through the delay queues instead (then acked), so retries never run into the queue's delivery limit, which is
/// left for what the process cannot settle itself: a crash on every delivery.
/// Automatic recovery re-registers the consumer after a connection loss (acks for deliveries of the lost channel are dropped by the
/// client; the broker redelivers those messages). A channel the broker closes on its own (e.g. an ack timeout) is not recovered by
/// the client, so the pump opens a new one and consumes again.
/// </summary>
internal sealed class MessagePump : IAsyncDisposable
{
    private readonly ConnectionManager connection;
    private readonly ReceiveSettings settings;
    private readonly OnMessage onMessage;
    private readonly ILogger logger;
    private readonly Action<MessagePump> onDisposed;
    private readonly Func<IncomingMessage, string, CancellationToken, Task> defer;
    private readonly RabbitMqOptions options;
    private readonly TimeProvider time;
    private readonly ushort concurrency;
    private readonly ushort prefetch;
    private readonly TimeSpan restartDelay;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource restarting = new();
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim consuming = new(1, 1);
    private IChannel? channel;
    private string? consumerTag;
    private int inFlight;
    private int disposed;

    private MessagePump(
        ConnectionManager connection,
        ReceiveSettings settings,
        RabbitMqOptions options,
        TimeProvider time,
        OnMessage onMessage,
        ILogger logger,
        Action<MessagePump> onDisposed,
        Func<IncomingMessage, string, CancellationToken, Task> defer)
    {
        this.options = options;
        this.time = time;
        this.defer = defer;
        this.connection = connection;
        this.settings = settings;
        this.onMessage = onMessage;
        this.logger = logger;
        this.onDisposed = onDisposed;
        concurrency = (ushort)Math.Clamp(settings.MaxConcurrency, 1, ushort.MaxValue);
        prefetch = (ushort)Math.Clamp((long)settings.MaxConcurrency * options.PrefetchMultiplier, 1, ushort.MaxValue);
        restartDelay = options.RecoveryInterval;
    }

    /// <summary>The channel consuming now (tests use it to provoke a channel error).</summary>
    internal IChannel? Channel => Volatile.Read(ref channel);

    public static async Task<MessagePump> Start(
        ConnectionManager connection,
        ReceiveSettings settings,
        RabbitMqOptions options,
        TimeProvider time,
        OnMessage onMessage,
        ILogger logger,
        Action<MessagePump> onDisposed,
        Func<IncomingMessage, string, CancellationToken, Task> defer,
        CancellationToken cancellationToken = default)
    {
        var pump = new MessagePump(connection, settings, options, time, onMessage, logger, onDisposed, defer);
        await pump.Consume(cancellationToken);
        logger.LogInformation("Receiving from {Queue} with concurrency {MaxConcurrency} and prefetch {Prefetch}", settings.Queue, pump.concurrency, pump.prefetch);
        return pump;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await restarting.CancelAsync();
        await consuming.WaitAsync();
        try
        {
            var current = Channel;
            if (consumerTag is not null && current is { IsOpen: true })
            {
                try
                {
                    await current.BasicCancelAsync(consumerTag);
                }
                catch (Exception ex) when (ex is OperationInterruptedException or IOException or TimeoutException)
                {
                    logger.LogDebug(ex, "Cancelling the consumer on {Queue} failed; its channel is already closed", settings.Queue);
                }
            }
        }
        finally
        {
            consuming.Release();
        }

        if (Interlocked.Decrement(ref inFlight) == -1)
        {
            drained.TrySetResult();
        }

        await drained.Task;
        await stopping.CancelAsync();
        if (Channel is { } last)
        {
            await ChannelPool.Discard(last);
        }

        stopping.Dispose();
        restarting.Dispose();
        onDisposed(this);
    }

    private async Task Consume(CancellationToken cancellationToken)
    {
        await consuming.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref disposed) == 1)
            {
                return;
            }

            var open = await connection.GetConnection(cancellationToken);
            var opened = await open.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: concurrency), cancellationToken);
            try
            {
                await opened.BasicQosAsync(0, prefetch, global: false, cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(opened);
                consumer.ReceivedAsync += OnDelivery;
                consumer.UnregisteredAsync += OnUnregistered;
                opened.ChannelShutdownAsync += OnChannelShutdown;
                var previous = Interlocked.Exchange(ref channel, opened);
                consumerTag = await opened.BasicConsumeAsync(settings.Queue, autoAck: false, consumer, cancellationToken);
                if (previous is not null)
                {
                    await ChannelPool.Discard(previous);
                }
            }
            catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
            {
                await ChannelPool.Discard(opened);
                throw new InvalidOperationException(
                    $"Cannot receive from queue '{settings.Queue}': it does not exist on the broker. Run the endpoint's transport setup (ITransport.Setup) first.", ex);
            }
            catch
            {
                await ChannelPool.Discard(opened);
                throw;
            }
        }
        finally
        {
            consuming.Release();
        }
    }

    private async Task OnDelivery(object sender, BasicDeliverEventArgs delivery)
    {
        // inFlight counts deliveries; disposing subtracts one extra, so the last delivery to finish after that sees -1 and signals.
        Interlocked.Increment(ref inFlight);
        try
        {
            // Settle on the channel that delivered: after a restart the pump's current channel is another one.
            var deliveredOn = ((AsyncEventingBasicConsumer)sender).Channel;
            if (Volatile.Read(ref disposed) == 1)
            {
                await Settle(deliveredOn, delivery.DeliveryTag, ReceiveResult.Requeue);
                return;
            }

            var message = IncomingMapper.ToIncoming(delivery.BasicProperties, delivery.Body, time);
            if (message.TransportError is not null)
            {
                logger.LogWarning("Message {MessageId} on {Queue} is unreadable: {TransportError}", message.MessageId, settings.Queue, message.TransportError);
            }

            ReceiveResult result;
            try
            {
                result = await onMessage(message, stopping.Token);
            }
#pragma warning disable CA1031 // A failing callback means "try again", by the seam's contract.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Processing message {MessageId} from {Queue} threw; requeueing it", message.MessageId, settings.Queue);
                result = ReceiveResult.Requeue;
            }

            if (result == ReceiveResult.Requeue && message.TransportError is null && BrokerHeaders.DeliveryCount(delivery.BasicProperties) >= options.MaxRequeues &&
                Volatile.Read(ref disposed) == 0)
            {
                result = await Defer(message);
            }

            await Settle(deliveredOn, delivery.DeliveryTag, result);
        }
        finally
        {
            if (Interlocked.Decrement(ref inFlight) == -1)
            {
                drained.TrySetResult();
            }
        }
    }

    private async Task Settle(IChannel deliveredOn, ulong deliveryTag, ReceiveResult result)
    {
        try
        {
            if (result == ReceiveResult.Ack)
            {
                await deliveredOn.BasicAckAsync(deliveryTag, multiple: false);
            }
            else
            {
                await deliveredOn.BasicRejectAsync(deliveryTag, requeue: true);
            }
        }
        catch (Exception ex) when (ex is OperationInterruptedException or IOException)
        {
            logger.LogInformation(
                "Could not {Result} delivery {DeliveryTag} on {Queue} because its channel is closed; the broker will redeliver the message", result, deliveryTag, settings.Queue);
        }
    }

    /// <summary>Re-sends a message requeued too often through the delay queues; Ack when that copy is stored, Requeue when it could not be.</summary>
    private async Task<ReceiveResult> Defer(IncomingMessage message)
    {
        try
        {
            await defer(message, settings.Queue, stopping.Token);
            logger.LogWarning(
                "Message {MessageId} on {Queue} was requeued {MaxRequeues} times; re-sent to arrive again in {RequeueDelay}, so RabbitMQ's delivery limit never counts retries",
                message.MessageId, settings.Queue, options.MaxRequeues, options.RequeueDelay);
            return ReceiveResult.Ack;
        }
#pragma warning disable CA1031 // Whatever stopped the re-send, requeueing keeps the message; the broker's delivery limit still guards it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not re-send message {MessageId} on {Queue} through the delay queues; requeueing it instead", message.MessageId, settings.Queue);
            return ReceiveResult.Requeue;
        }
    }

    private Task OnUnregistered(object sender, ConsumerEventArgs args)
    {
        if (Volatile.Read(ref disposed) == 0 && ((AsyncEventingBasicConsumer)sender).Channel is { IsOpen: true })
        {
            logger.LogError(
                "The broker cancelled the consumer on {Queue} (was the queue deleted?); no more messages are received from it. Recreate the queue (run setup) and restart the endpoint",
                settings.Queue);
        }

        return Task.CompletedTask;
    }

    private Task OnChannelShutdown(object sender, ShutdownEventArgs args)
    {
        if (Volatile.Read(ref disposed) == 1 || args.Initiator == ShutdownInitiator.Application)
        {
            return Task.CompletedTask;
        }

        logger.LogWarning("Receive channel for {Queue} closed ({ReplyCode} {ReplyText})", settings.Queue, args.ReplyCode, args.ReplyText);
        if (BrokerFailure.IsRefusal(args.ReplyCode))
        {
            _ = Task.Run(RestartConsuming);
        }

        return Task.CompletedTask;
    }

    private async Task RestartConsuming()
    {
        while (Volatile.Read(ref disposed) == 0)
        {
            try
            {
                await Task.Delay(restartDelay, restarting.Token);
                if (Channel is { IsOpen: true })
                {
                    // The closure took the connection down with it and automatic recovery already reopened the channel and its consumer.
                    return;
                }

                await Consume(restarting.Token);
                logger.LogInformation("Receiving from {Queue} again on a new channel", settings.Queue);
                return;
            }
            catch (OperationCanceledException) when (Volatile.Read(ref disposed) == 1)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
#pragma warning disable CA1031 // Keep trying until the pump is disposed; every failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not consume {Queue} again; retrying in {RestartDelay}", settings.Queue, restartDelay);
            }
        }
    }
}
