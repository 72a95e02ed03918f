using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Data;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

// The one placement path, whatever the entry point: an order id seen before answers as before (same request) or conflicts (different request);
// a new request is validated, priced from the catalog and stored as Submitted, all in the caller's unit of work. Nothing here sends: the caller
// sends the StartOrder it gets back in the same unit of work, so the order row and the message commit together.
internal sealed class OrderIntake(TimeProvider time)
{
    public async Task<IntakeResult> Take(OrderRequest request, IStorageSession storage, CancellationToken cancellationToken)
    {
        var hash = OrderRequestRules.Hash(request);
        if (request.OrderId != Guid.Empty && await OrderStore.Find(storage, request.OrderId, cancellationToken) is { } existing)
        {
            return await Existing(request.OrderId, existing, hash, storage, cancellationToken);
        }

        var errors = OrderRequestRules.Validate(request);
        if (errors.Any)
        {
            return IntakeResult.Invalid(errors.ToDictionary());
        }

        var (priced, pricingErrors) = await OrderPricing.Price(request, storage, cancellationToken);
        if (priced is null)
        {
            return IntakeResult.Invalid(pricingErrors.ToDictionary());
        }

        var now = Now();
        await OrderStore.InsertSubmitted(storage, request.OrderId, priced, hash, now, cancellationToken);
        var order = new OrderView(
            request.OrderId,
            priced.CustomerId,
            priced.RestaurantId,
            OrderStatus.Submitted,
            null,
            [.. priced.Lines.Select(l => new OrderLineView(l.MenuItemId, l.Name, l.Quantity, l.UnitPrice, new Money(l.UnitPrice.Amount * l.Quantity, l.UnitPrice.Currency)))],
            priced.Total.Amount,
            priced.Total.Currency,
            now,
            now,
            []);
        return IntakeResult.Placed(order, new StartOrder(request.OrderId, priced.CustomerId, priced.RestaurantId, priced.Lines, priced.Total));
    }

    // Stored with microsecond precision (PostgreSQL's): the view answered now equals the one read later.
    public DateTimeOffset Now()
    {
        var at = time.GetUtcNow();
        return at.AddTicks(-(at.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    private static async Task<IntakeResult> Existing(Guid orderId, StoredOrder existing, string hash, IStorageSession storage, CancellationToken cancellationToken)
    {
        if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
        {
            return IntakeResult.Conflict(
                $"Order {orderId} exists already with different content (customer, restaurant or lines). Use a new orderId for a new order, or send the original request again.");
        }

        if (existing.Status == OrderStatus.Rejected)
        {
            return IntakeResult.RejectedBefore(await OrderStore.Rejection(storage.Connection, storage.Transaction, orderId, cancellationToken));
        }

        var order = (await OrdersReadModel.Get(storage.Connection, storage.Transaction, orderId, cancellationToken))!;
        // Only an order whose saga never ran is started again (one stored before its start message was guaranteed to follow); an order under way
        // or ended is not, so a repeat can never start a second saga for it.
        var start = existing is { Status: OrderStatus.Submitted, Started: false }
            ? new StartOrder(order.OrderId, order.CustomerId, order.RestaurantId, [.. order.Lines.Select(l => new OrderLine(l.MenuItemId, l.Name, l.Quantity, l.UnitPrice))], new Money(order.Total, order.Currency))
            : null;
        return IntakeResult.Repeated(order, start);
    }
}
