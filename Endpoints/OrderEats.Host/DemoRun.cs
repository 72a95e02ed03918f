using System.Collections.Concurrent;
using OrderEats.Messages;
using OrderEats.Notifications;
using OrderEats.Notifications.Channel;
using OrderEats.Orders;
using OrderEats.Orders.Http;
using OrderEats.Orders.Placement;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Host;

/// <summary>Seeds the catalog, places the orders (cancelling some as a customer would), and waits for them to settle.</summary>
internal sealed class DemoRun(IServiceProvider services, DemoOptions options, TextWriter output)
{
    private static readonly string[] Dishes = ["Margherita", "Carbonara", "Pad Thai", "Ramen", "Falafel", "Burrito", "Pho", "Tiramisu"];

    private readonly DemoClock stopwatch = new(services.GetService<TimeProvider>() ?? TimeProvider.System);
    private int refused;
    private int neverAdmitted;

    /// <summary>Placements the admission gate refused (503 with Retry-After at the HTTP edge); each was tried again after Retry-After.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Orders still refused when the demo's wait ran out: never placed.</summary>
    public int NeverAdmitted => Volatile.Read(ref neverAdmitted);

    public async Task<IReadOnlyList<Guid>> PlaceOrders(CancellationToken cancellationToken = default)
    {
        var catalog = services.GetRequiredService<CatalogStore>();
        var placement = services.GetRequiredService<OrderPlacement>();
        // The demo places orders in-process, past the HTTP edge, so it asks the edge's admission gate itself, as POST /orders does.
        var gate = services.GetRequiredService<OrderEats.Orders.Admission.AdmissionGate>();
        var restaurants = new List<Restaurant>();
        for (var r = 0; r < 5; r++)
        {
            var menu = Dishes.Select((dish, i) => new MenuItemRequest(dish, 4.5m + i + r, "EUR")).ToList();
            restaurants.Add(await catalog.CreateRestaurant(new CreateRestaurantRequest($"Demo Kitchen {r + 1}", menu), cancellationToken));
        }

        var customers = new List<Customer>();
        for (var c = 0; c < 25; c++)
        {
            customers.Add(await catalog.CreateCustomer(new CreateCustomerRequest($"Customer {c + 1}", $"customer{c + 1}-{Guid.NewGuid():N}@demo.example"), cancellationToken));
        }

        var placed = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Orders),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var restaurant = restaurants[Random.Shared.Next(restaurants.Count)];
                var lines = Enumerable.Range(0, Random.Shared.Next(1, 4))
                    .Select(_ => new OrderLineRequest(restaurant.Menu[Random.Shared.Next(restaurant.Menu.Count)].Id, Random.Shared.Next(1, 4)))
                    .GroupBy(l => l.MenuItemId)
                    .Select(g => new OrderLineRequest(g.Key, g.Sum(l => l.Quantity)))
                    .ToList();
                var request = new PlaceOrderRequest(Guid.CreateVersion7(), customers[Random.Shared.Next(customers.Count)].Id, restaurant.Id, lines);
                // Refused: wait for Retry-After and place the same order again, as an HTTP client does with the 503 (bounded by the demo's wait).
                while (gate.TryAdmit(request.OrderId) is { } refusal)
                {
                    Interlocked.Increment(ref refused);
                    if (stopwatch.Elapsed + refusal.RetryAfter > options.MaxWait)
                    {
                        Interlocked.Increment(ref neverAdmitted);
                        return;
                    }

                    await Task.Delay(refusal.RetryAfter, token);
                }

                var result = await placement.Place(request, token);
                if (result.Outcome != PlaceOrderOutcome.Accepted)
                {
                    gate.Withdraw(request.OrderId);
                    throw new InvalidOperationException($"The demo's own order {request.OrderId} was refused: {result.Outcome} {result.Detail}");
                }

                placed.Add(request.OrderId);
                if (Random.Shared.NextDouble() < options.CustomerCancelRate)
                {
                    await placement.Cancel(request.OrderId, "customer changed their mind", token);
                }
            });
        output.WriteLine($"Placed {placed.Count} orders for 25 customers at 5 restaurants.");
        if (Refused > 0)
        {
            output.WriteLine($"The edge refused {Refused} placements while the workflow was at capacity (503 with Retry-After over HTTP); each was placed again after Retry-After{(NeverAdmitted > 0 ? $", {NeverAdmitted} orders still refused when the wait ran out" : string.Empty)}.");
        }

        return [.. placed];
    }

    /// <summary>Waits until every order is Completed or Cancelled and its notifications went out, or until the bounded time passes.</summary>
    public async Task<bool> WaitUntilSettled(IReadOnlyList<Guid> placed, DemoClock stopwatch, CancellationToken cancellationToken = default)
    {
        var readModel = services.GetRequiredService<OrdersReadModel>();
        var channel = services.GetRequiredService<SimulatedNotificationChannel>();
        var ids = placed.ToHashSet();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var deadline = stopwatch.Elapsed + options.MaxWait;
        while (true)
        {
            var orders = (await readModel.ListAll(cancellationToken)).Where(o => ids.Contains(o.OrderId)).ToList();
            var completed = orders.Count(o => o.Status == OrderStatus.Completed);
            var cancelled = orders.Count(o => o.Status == OrderStatus.Cancelled);
            var deliveries = channel.Deliveries;
            var notificationsDue = orders.Sum(o => ExpectedNotifications(o.Status).Count(kind => !deliveries.ContainsKey((o.OrderId, kind))));
            output.WriteLine($"  [{DemoCommand.Seconds(stopwatch.Elapsed)} s] completed {completed}, cancelled {cancelled}, in progress {ids.Count - completed - cancelled}, notifications pending {notificationsDue}");
            if (completed + cancelled == ids.Count && notificationsDue == 0)
            {
                return true;
            }

            if (stopwatch.Elapsed > deadline)
            {
                output.WriteLine($"Stopped waiting after {options.MaxWait}.");
                return false;
            }

            try
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("Stopped waiting: the host is shutting down.");
                return false;
            }
        }
    }

    /// <summary>The notifications a customer must get for an order that ended in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> ExpectedNotifications(OrderStatus status) => status switch
    {
        OrderStatus.Completed => [NotificationKind.OrderConfirmed, NotificationKind.OrderReady],
        OrderStatus.Cancelled => [NotificationKind.OrderCancelled],
        _ => [],
    };
}
