using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Data;
using OrderEats.Orders.Validation;

namespace OrderEats.Orders;

/// <summary>Places and cancels orders: validates them, prices them from the menu, stores them and hands them to the order saga.</summary>
public sealed class OrderPlacement
{
    private readonly OrdersDatabase database;
    private readonly Catalog catalog;
    private readonly OrdersReadModel readModel;
    private readonly IMessageSession session;
    private readonly TimeProvider time;
    private readonly ILogger<OrderPlacement> logger;

    internal OrderPlacement(
        OrdersDatabase database, Catalog catalog, OrdersReadModel readModel, IMessageSession session, TimeProvider time, ILogger<OrderPlacement> logger)
    {
        this.database = database;
        this.catalog = catalog;
        this.readModel = readModel;
        this.session = session;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Validates the order, prices its lines from the restaurant's menu (never from the client), stores it as Submitted and sends
    /// <see cref="PlaceOrder"/> to the order saga. Idempotent by <see cref="PlaceOrderRequest.OrderId"/>: the same request again returns the
    /// stored order (and sends PlaceOrder again, which the saga ignores); different content under the same id is a conflict.
    /// </summary>
    public async Task<PlaceOrderResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = PlaceOrderRules.Validate(request);
        if (errors.Any)
        {
            return PlaceOrderResult.Invalid(errors.ToDictionary());
        }

        var hash = PlaceOrderRules.Hash(request);
        await using var connection = await database.Open(cancellationToken);
        if (await Existing(connection, request.OrderId, hash, cancellationToken) is { } existing)
        {
            return existing;
        }

        var (lines, references) = await Price(connection, request, cancellationToken);
        if (references.Any)
        {
            return PlaceOrderResult.Invalid(references.ToDictionary());
        }

        var currency = lines[0].UnitPrice.Currency;
        var total = new Money(lines.Sum(l => l.UnitPrice.Amount * l.Quantity), currency);
        // Stored with microsecond precision (PostgreSQL's): the view answered now equals the one read later.
        var placedAt = time.GetUtcNow();
        var now = placedAt.AddTicks(-(placedAt.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
        try
        {
            await using var insert = database.Command(
                connection,
                null,
                "INSERT INTO orders (id, customer_id, restaurant_id, lines, total, currency, status, reason, placed_at, updated_at, request_hash) " +
                "VALUES (@id, @customer, @restaurant, @lines, @total, @currency, @status, @reason, @at, @at, @hash)",
                ("@id", request.OrderId), ("@customer", request.CustomerId), ("@restaurant", request.RestaurantId), ("@lines", StoredLines.Write(lines)),
                ("@total", total.Amount), ("@currency", currency), ("@status", nameof(OrderStatus.Submitted)), ("@reason", null), ("@at", now), ("@hash", hash));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException)
        {
            // The primary key decides a race between two requests with the same OrderId: the loser answers as a repeat would.
            if (await Existing(connection, request.OrderId, hash, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }

        logger.LogInformation("Order {OrderId} placed by customer {CustomerId}: {Lines} lines, total {Total} {Currency}", request.OrderId, request.CustomerId, lines.Count, total.Amount, currency);
        readModel.OnChanged(request.OrderId, OrderStatus.Submitted);
        await session.Send(new PlaceOrder(request.OrderId, request.CustomerId, request.RestaurantId, lines, total), cancellationToken: cancellationToken);
        // The order as just stored (its timeline fills in as the saga moves it on).
        return PlaceOrderResult.Accepted(new OrderView(
            request.OrderId,
            request.CustomerId,
            request.RestaurantId,
            OrderStatus.Submitted,
            null,
            [.. lines.Select(l => new OrderLineView(l.MenuItemId, l.Name, l.Quantity, l.UnitPrice, new Money(l.UnitPrice.Amount * l.Quantity, l.UnitPrice.Currency)))],
            total.Amount,
            currency,
            now,
            now,
            []));
    }

    /// <summary>
    /// Asks the order saga to cancel the order. Refused (conflict) once the kitchen accepted it, and for an order that is ready, completed or
    /// cancelled already. Accepted means the request was sent; the order's status shows when the cancellation (and any refund) is done.
    /// </summary>
    public async Task<CancelResult> Cancel(Guid orderId, string? reason, CancellationToken cancellationToken = default)
    {
        var order = await readModel.Get(orderId, cancellationToken);
        if (order is null)
        {
            return new CancelResult(CancelOutcome.NotFound, null, $"There is no order {orderId}. Check the id, or place the order with POST /orders.");
        }

        var refusal = order.Status switch
        {
            OrderStatus.Accepted or OrderStatus.Ready => $"Order {orderId} is {order.Status}: the kitchen has accepted it, so it can no longer be cancelled.",
            OrderStatus.Completed => $"Order {orderId} is Completed; a completed order cannot be cancelled.",
            OrderStatus.Cancelled => $"Order {orderId} is cancelled already: {order.Reason}",
            _ => null,
        };
        if (refusal is not null)
        {
            return new CancelResult(CancelOutcome.Conflict, order.Status, refusal);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason.Trim();
        await session.Send(new CancelOrder(orderId, why), cancellationToken: cancellationToken);
        logger.LogInformation("Cancellation of order {OrderId} requested in status {Status}: {Reason}", orderId, order.Status, why);
        return new CancelResult(CancelOutcome.Accepted, order.Status, null);
    }

    private async Task<(List<OrderLine> Lines, ValidationErrors Errors)> Price(DbConnection connection, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!await catalog.CustomerExists(connection, request.CustomerId, cancellationToken))
        {
            errors.Add("customerId", $"There is no customer {request.CustomerId}. Create the customer with POST /customers first.");
        }

        var restaurant = await catalog.GetRestaurant(connection, request.RestaurantId, cancellationToken);
        if (restaurant is null)
        {
            errors.Add("restaurantId", $"There is no restaurant {request.RestaurantId}. Pick one from GET /restaurants.");
            return ([], errors);
        }

        var menu = restaurant.Menu.ToDictionary(m => m.Id);
        var lines = new List<OrderLine>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (!menu.TryGetValue(line.MenuItemId, out var item))
            {
                errors.Add($"lines[{i}].menuItemId", $"Menu item {line.MenuItemId} is not on the menu of restaurant {restaurant.Name} ({restaurant.Id}); see GET /restaurants/{restaurant.Id}.");
                continue;
            }

            lines.Add(new OrderLine(item.Id, item.Name, line.Quantity, item.Price));
        }

        var currencies = lines.Select(l => l.UnitPrice.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            errors.Add("lines", $"An order is paid in one currency, but these lines are priced in {string.Join(", ", currencies)}. Place one order per currency.");
        }

        return (lines, errors);
    }

    // A stored order under this id: the same request again is accepted (and PlaceOrder re-sent, in case the first send was lost); other content conflicts.
    private async Task<PlaceOrderResult?> Existing(DbConnection connection, Guid orderId, string hash, CancellationToken cancellationToken)
    {
        string? storedHash;
        await using (var command = database.Command(connection, null, "SELECT request_hash FROM orders WHERE id = @id", ("@id", orderId)))
        {
            storedHash = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        if (storedHash is null)
        {
            return null;
        }

        var order = (await readModel.Get(connection, orderId, cancellationToken))!;
        if (!string.Equals(storedHash, hash, StringComparison.Ordinal))
        {
            return PlaceOrderResult.Conflict(
                $"Order {orderId} exists already with different content (customer, restaurant or lines). Use a new orderId for a new order, or send the original request again.");
        }

        var lines = order.Lines.Select(l => new OrderLine(l.MenuItemId, l.Name, l.Quantity, l.UnitPrice)).ToList();
        await session.Send(
            new PlaceOrder(order.OrderId, order.CustomerId, order.RestaurantId, lines, new Money(order.Total, order.Currency)),
            cancellationToken: cancellationToken);
        logger.LogInformation("Order {OrderId} was placed before with the same content; PlaceOrder sent again", orderId);
        return PlaceOrderResult.Accepted(order);
    }
}
