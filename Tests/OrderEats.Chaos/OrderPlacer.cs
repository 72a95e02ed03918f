using System.Collections.Concurrent;
using OrderEats.TestInfrastructure;

namespace OrderEats.Chaos;

/// <summary>
/// Places orders at a steady rate through the Orders HTTP API. An order whose request fails (instance killed, broker down) is sent again with the
/// same OrderId — placing is idempotent — until an instance accepts it.
/// </summary>
internal sealed class OrderPlacer(ServiceCluster cluster, SeededCatalog catalog)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<Guid, byte> accepted = new();
    private readonly ConcurrentDictionary<Guid, byte> attempted = new();
    private long retries;

    public IReadOnlyCollection<Guid> Accepted => [.. accepted.Keys];

    public int AcceptedCount => accepted.Count;

    public IReadOnlyCollection<Guid> NeverAccepted => [.. attempted.Keys.Where(id => !accepted.ContainsKey(id))];

    public long Retries => Interlocked.Read(ref retries);

    public async Task PlaceAll(int orders, double perSecond, CancellationToken cancellationToken = default)
    {
        var begun = Clock.GetTimestamp();
        var placing = new List<Task>(orders);
        for (var i = 0; i < orders; i++)
        {
            var wait = TimeSpan.FromSeconds(i / perSecond) - Clock.GetElapsedTime(begun);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                // The load generator's schedule: a steady rate, not a wait for work.
                await Task.Delay(wait, cancellationToken);
            }

            placing.Add(Place(i, cancellationToken));
        }

        await Task.WhenAll(placing);
    }

    /// <summary>Places one order, retrying with the same OrderId until accepted (or five minutes pass); returns its id.</summary>
    public async Task<Guid> Place(int number, CancellationToken cancellationToken = default)
    {
        var orderId = Guid.CreateVersion7();
        attempted[orderId] = 0;
        var started = Clock.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var status = await cluster.PlaceOrder(orderId, catalog, number + attempt, cancellationToken);
                if (status == 202)
                {
                    accepted[orderId] = 0;
                    return orderId;
                }

                if (status is >= 400 and < 500)
                {
                    throw new InvalidOperationException($"Order {orderId} was refused with HTTP {status}; the chaos run only sends valid orders, so this is a bug.");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The instance died or timed out mid-request; the order may or may not be placed, so send the same OrderId again.
            }

            if (Clock.GetElapsedTime(started) > GiveUpAfter)
            {
                return orderId;
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (attempt + 1))), cancellationToken);
        }
    }
}
