using System.Text;
using System.Threading.Channels;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Learning;

/// <summary>Messages and receive helpers shared by the learning transport tests.</summary>
internal static class LearningTestMessages
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static OutgoingMessage New()
    {
        var id = Guid.NewGuid().ToString();
        return new OutgoingMessage(id, new Dictionary<string, string> { [Headers.MessageId] = id }, Encoding.UTF8.GetBytes("{\"text\":\"hi\"}"));
    }

    /// <summary>Receives from <paramref name="queue"/> one at a time into a channel, acking each.</summary>
    public static async Task<(IAsyncDisposable Receiver, ChannelReader<IncomingMessage> Received)> ReceiveInto(ITransport transport, string queue)
    {
        var received = Channel.CreateUnbounded<IncomingMessage>();
        var receiver = await transport.Receive(new ReceiveSettings(queue, 1, "error"), (message, _) =>
        {
            received.Writer.TryWrite(message);
            return Task.FromResult(ReceiveResult.Ack);
        });
        return (receiver, received.Reader);
    }

    public static async Task<IncomingMessage> Next(this ChannelReader<IncomingMessage> reader)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await reader.ReadAsync(timeout.Token);
    }
}
