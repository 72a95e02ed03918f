using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderEats.Benchmarks;

/// <summary>
/// Subscribes to the order saga's terminal events (OrderReady: completed, OrderCancelled) the way any foreign AMQP client can, and records
/// the time from placing each order to its terminal event.
/// </summary>
internal sealed class TerminalListener : IAsyncDisposable
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly string[] TerminalEvents = ["OrderEats.Messages.Events.OrderReady", "OrderEats.Messages.Events.OrderCancelled"];
    private readonly ConcurrentDictionary<Guid, long> placed = new();
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly SemaphoreSlim terminalArrived = new(0);
    private long terminal;

    private TerminalListener(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public event Action<Guid>? Terminal;

    public Latencies Latencies { get; } = new();

    public long TerminalCount => Interlocked.Read(ref terminal);

    public static async Task<TerminalListener> Start(string amqpUri, CancellationToken cancellationToken = default)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "bench-terminal" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        foreach (var exchange in TerminalEvents)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, exchange, string.Empty, cancellationToken: cancellationToken);
        }

        var listener = new TerminalListener(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var body = JsonDocument.Parse(delivery.Body);
            var orderId = body.RootElement.GetProperty("orderId").GetGuid();
            if (listener.placed.TryRemove(orderId, out var ticks))
            {
                listener.Latencies.Add(Clock.GetElapsedTime(ticks).TotalMilliseconds);
                Interlocked.Increment(ref listener.terminal);
                listener.terminalArrived.Release();
                listener.Terminal?.Invoke(orderId);
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        return listener;
    }

    /// <summary>Notes that <paramref name="orderId"/> is being placed now.</summary>
    public void Placing(Guid orderId) => placed[orderId] = Clock.GetTimestamp();

    public int Pending => placed.Count;

    /// <summary>Completes once every placed order reached its terminal event, or after <paramref name="timeout"/> (woken by each terminal event).</summary>
    public async Task WhenNonePending(TimeSpan timeout)
    {
        var waitStarted = Clock.GetTimestamp();
        while (Pending > 0 && Clock.GetElapsedTime(waitStarted) < timeout && await terminalArrived.WaitAsync(timeout - Clock.GetElapsedTime(waitStarted)))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
        terminalArrived.Dispose();
    }
}
