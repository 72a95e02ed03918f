using System.Collections.Concurrent;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Channels with publisher confirms (tracked: a publish completes when the broker confirms it, and throws on nack or return).</summary>
internal sealed class ChannelPool(ConnectionManager connection, int maxIdle) : IAsyncDisposable
{
    private static readonly CreateChannelOptions ConfirmedChannel = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly ConcurrentQueue<IChannel> idle = new();

    public async Task<IChannel> Rent(CancellationToken cancellationToken = default)
    {
        while (idle.TryDequeue(out var channel))
        {
            if (channel.IsOpen)
            {
                return channel;
            }

            await Discard(channel);
        }

        var open = await connection.GetConnection(cancellationToken);
        return await open.CreateChannelAsync(ConfirmedChannel, cancellationToken);
    }

    public async Task Return(IChannel channel)
    {
        if (channel.IsOpen && idle.Count < maxIdle)
        {
            idle.Enqueue(channel);
            return;
        }

        await Discard(channel);
    }

    public static async Task Discard(IChannel channel)
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
