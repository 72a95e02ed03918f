using System.Threading.Channels;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>Collects what a receiver gets, with the time it arrived; tests wait on it with a timeout.</summary>
internal sealed class Inbox
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Channel<(IncomingMessage Message, DateTimeOffset At)> received = Channel.CreateUnbounded<(IncomingMessage, DateTimeOffset)>();

    public OnMessage Callback => (message, _) =>
    {
        received.Writer.TryWrite((message, Clock.GetUtcNow()));
        return Task.FromResult(ReceiveResult.Ack);
    };

    public async Task<(IncomingMessage Message, DateTimeOffset At)> Next()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No message arrived within {Timeout.TotalSeconds} s.");
        }
    }
}
