using System.Collections.Concurrent;
using System.Text.Json;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Orders.Tests.Monitoring;

/// <summary>Collects the saga audit records arriving in the console's audit queue, per correlation value (the order id), and lets tests wait for them.</summary>
public sealed class AuditLog : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<JsonElement>> records = new();
    private readonly List<(string OrderId, int Count, TaskCompletionSource<IReadOnlyList<JsonElement>> Done)> waiters = [];
    private readonly ITransport transport;
    private IAsyncDisposable? receiver;

    private AuditLog(ITransport transport) => this.transport = transport;

    public static async Task<AuditLog> Watch(string learningFolder, string queue, IServiceProvider services)
    {
        var configuration = new EndpointConfiguration("audit-watch");
        configuration.UseLearningTransport(learningFolder);
        var log = new AuditLog(configuration.TransportFactory!(services));
        await log.transport.Setup(new TransportSetup(queue, "error", []));
        log.receiver = await log.transport.Receive(new ReceiveSettings(queue, 1, "error"), log.OnBatch);
        return log;
    }

    /// <summary>The first <paramref name="count"/> records of order <paramref name="orderId"/>, in the order they were sent.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitFor(Guid orderId, int count)
    {
        var done = new TaskCompletionSource<IReadOnlyList<JsonElement>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            waiters.Add((orderId.ToString(), count, done));
            Notify();
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        await transport.DisposeAsync();
    }

    private Task<ReceiveResult> OnBatch(IncomingMessage message, CancellationToken cancellationToken)
    {
        var batch = JsonSerializer.Deserialize<List<JsonElement>>(message.Body.Span)!;
        lock (waiters)
        {
            foreach (var record in batch)
            {
                records.GetOrAdd(record.GetProperty("correlationValue").GetString()!, _ => []).Add(record.Clone());
            }

            Notify();
        }

        return Task.FromResult(ReceiveResult.Ack);
    }

    private void Notify()
    {
        foreach (var waiter in waiters.ToList())
        {
            if (records.TryGetValue(waiter.OrderId, out var list) && list.Count >= waiter.Count)
            {
                waiter.Done.TrySetResult(list.Take(waiter.Count).ToList());
                waiters.Remove(waiter);
            }
        }
    }
}
