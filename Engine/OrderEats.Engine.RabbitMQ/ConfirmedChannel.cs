using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// A channel with tracked publisher confirms that notices its own shutdown. A confirm for a publish in flight when the connection
/// drops can never arrive, and automatic recovery may reopen the channel underneath; rather than depend on the client library failing
/// every pending confirm, each publish races the channel's shutdown signal: once the channel went down, the publish fails as a
/// connection loss and the dispatcher publishes again (at least once) on a fresh channel.
/// </summary>
internal sealed class ConfirmedChannel : IAsyncDisposable
{
    private readonly TaskCompletionSource<ShutdownEventArgs> shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConfirmedChannel(IChannel channel)
    {
        Channel = channel;
        channel.ChannelShutdownAsync += (_, args) =>
        {
            shutdown.TrySetResult(args);
            return Task.CompletedTask;
        };
    }

    public IChannel Channel { get; }

    /// <summary>False once the channel was shut down, even if automatic recovery reopened it since.</summary>
    public bool IsUsable => Channel.IsOpen && !shutdown.Task.IsCompleted;

    public async Task Publish(string exchange, string routingKey, bool mandatory, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ThrowIfShutDown();
        var publish = Channel.BasicPublishAsync(exchange, routingKey, mandatory, properties, body, cancellationToken).AsTask();
        var first = await Task.WhenAny(publish, shutdown.Task);
        if (first != publish)
        {
            // Observe the abandoned publish so its eventual failure is not reported as unobserved.
            _ = publish.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            ThrowIfShutDown();
        }

        await publish;
    }

    public ValueTask DisposeAsync() => Channel.DisposeAsync();

    private void ThrowIfShutDown()
    {
        if (shutdown.Task.IsCompleted)
        {
            throw new AlreadyClosedException(shutdown.Task.Result);
        }
    }
}
