using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// One consumer on its own channel: prefetch MaxConcurrency × multiplier, MaxConcurrency deliveries processed at once, manual acks.
/// Automatic recovery re-registers the consumer after a connection loss; acks for deliveries of the lost channel are dropped by the
/// client (the broker redelivers those messages).
/// </summary>
internal sealed class MessagePump : IAsyncDisposable
{
    private readonly IChannel channel;
    private readonly ReceiveSettings settings;
    private readonly OnMessage onMessage;
    private readonly ILogger logger;
    private readonly Action<MessagePump> onDisposed;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int inFlight;
    private string? consumerTag;
    private int disposed;

    private MessagePump(IChannel channel, ReceiveSettings settings, OnMessage onMessage, ILogger logger, Action<MessagePump> onDisposed)
    {
        this.onDisposed = onDisposed;
        this.channel = channel;
        this.settings = settings;
        this.onMessage = onMessage;
        this.logger = logger;
    }

    public static async Task<MessagePump> Start(
        IConnection connection, ReceiveSettings settings, int prefetchMultiplier, OnMessage onMessage, ILogger logger, Action<MessagePump> onDisposed, CancellationToken cancellationToken = default)
    {
        var concurrency = (ushort)Math.Clamp(settings.MaxConcurrency, 1, ushort.MaxValue);
        var prefetch = (ushort)Math.Clamp((long)settings.MaxConcurrency * prefetchMultiplier, 1, ushort.MaxValue);
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: concurrency), cancellationToken);
        var pump = new MessagePump(channel, settings, onMessage, logger, onDisposed);
        try
        {
            await channel.BasicQosAsync(0, prefetch, global: false, cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += pump.OnDelivery;
            consumer.UnregisteredAsync += pump.OnUnregistered;
            channel.ChannelShutdownAsync += pump.OnChannelShutdown;
            pump.consumerTag = await channel.BasicConsumeAsync(settings.Queue, autoAck: false, consumer, cancellationToken);
        }
        catch (OperationInterruptedException ex) when (BrokerFailure.ReplyCode(ex) == 404)
        {
            await ChannelPool.Discard(channel);
            throw new InvalidOperationException(
                $"Cannot receive from queue '{settings.Queue}': it does not exist on the broker. Run the endpoint's transport setup (ITransport.Setup) first.", ex);
        }
        catch
        {
            await ChannelPool.Discard(channel);
            throw;
        }

        logger.LogInformation(
            "Receiving from {Queue} with concurrency {MaxConcurrency} and prefetch {Prefetch}", settings.Queue, concurrency, prefetch);
        return pump;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (consumerTag is not null && channel.IsOpen)
        {
            try
            {
                await channel.BasicCancelAsync(consumerTag);
            }
            catch (Exception ex) when (ex is OperationInterruptedException or IOException or TimeoutException)
            {
                logger.LogDebug(ex, "Cancelling the consumer on {Queue} failed; its channel is already closed", settings.Queue);
            }
        }

        if (Interlocked.Decrement(ref inFlight) == -1)
        {
            drained.TrySetResult();
        }

        await drained.Task;
        await stopping.CancelAsync();
        await ChannelPool.Discard(channel);
        stopping.Dispose();
        onDisposed(this);
    }

    private async Task OnDelivery(object sender, BasicDeliverEventArgs delivery)
    {
        // inFlight counts deliveries; disposing subtracts one extra, so the last delivery to finish after that sees -1 and signals.
        Interlocked.Increment(ref inFlight);
        try
        {
            if (Volatile.Read(ref disposed) == 1)
            {
                await Settle(delivery.DeliveryTag, ReceiveResult.Requeue);
                return;
            }

            var message = IncomingMapper.ToIncoming(delivery.BasicProperties, delivery.Body);
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

            await Settle(delivery.DeliveryTag, result);
        }
        finally
        {
            if (Interlocked.Decrement(ref inFlight) == -1)
            {
                drained.TrySetResult();
            }
        }
    }

    private async Task Settle(ulong deliveryTag, ReceiveResult result)
    {
        try
        {
            if (result == ReceiveResult.Ack)
            {
                await channel.BasicAckAsync(deliveryTag, multiple: false);
            }
            else
            {
                await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true);
            }
        }
        catch (Exception ex) when (BrokerFailure.IsConnectionLoss(ex))
        {
            logger.LogInformation(
                "Could not {Result} delivery {DeliveryTag} on {Queue} because the connection was lost; the broker will redeliver it", result, deliveryTag, settings.Queue);
        }
    }

    private Task OnUnregistered(object sender, ConsumerEventArgs args)
    {
        if (Volatile.Read(ref disposed) == 0)
        {
            logger.LogError(
                "The broker cancelled the consumer on {Queue} (was the queue deleted?); no more messages are received from it. Recreate the queue (run setup) and restart the endpoint",
                settings.Queue);
        }

        return Task.CompletedTask;
    }

    private Task OnChannelShutdown(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
        {
            logger.LogWarning("Receive channel for {Queue} closed ({ReplyCode} {ReplyText})", settings.Queue, args.ReplyCode, args.ReplyText);
        }

        return Task.CompletedTask;
    }
}
