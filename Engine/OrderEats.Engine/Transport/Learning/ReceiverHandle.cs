using System.Collections.Concurrent;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>What <see cref="LearningTransport.Receive"/> returns: stopping it also forgets the receiver, so the transport does not stop it twice.</summary>
internal sealed class ReceiverHandle(LearningReceiver receiver, ConcurrentDictionary<LearningReceiver, bool> receivers) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        receivers.TryRemove(receiver, out _);
        await receiver.DisposeAsync();
    }
}
