using System.Collections.Concurrent;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Channels with publisher confirms (tracked: a publish completes when the broker confirms it, and throws on nack or return).</summary>
internal sealed class ChannelPool(ConnectionManager connection, int maxIdle) : IAsyncDisposable
{
    private static readonly CreateChannelOptions ConfirmedChannelOptions = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly ConcurrentQueue<ConfirmedChannel> idle = new();

    public async Task<ConfirmedChannel> Rent(CancellationToken cancellationToken = default)
    {
        while (idle.TryDequeue(out var channel))
        {
            if (channel.IsUsable)
            {
                return channel;
            }

            await Discard(channel);
        }

        var open = await connection.GetConnection(cancellationToken);
        return new ConfirmedChannel(await open.CreateChannelAsync(ConfirmedChannelOptions, cancellationToken));
    }

    public async Task Return(ConfirmedChannel channel)
    {
        if (channel.IsUsable && idle.Count < maxIdle)
        {
            idle.Enqueue(channel);
            return;
        }

        await Discard(channel);
    }

    public static async Task Discard(IAsyncDisposable channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
#pragma warning disable CA1031 // Disposing a broken channel may fail in any way; it is being thrown away.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryDequeue(out var channel))
        {
            await Discard(channel);
        }
    }
}
