using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrderEats.Messages;
using OrderEats.Orders.Data;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders;

/// <summary>Reads orders as the Orders service keeps them (status, lines, totals, timeline), and tells when one changed.</summary>
public sealed class OrdersReadModel
{
    private const string OrderColumns = "id, customer_id, restaurant_id, status, reason, lines, total, currency, placed_at, updated_at";
    private readonly OrdersDatabase database;
    private readonly ILogger<OrdersReadModel> logger;

    internal OrdersReadModel(OrdersDatabase database, ILogger<OrdersReadModel> logger)
    {
        this.database = database;
        this.logger = logger;
    }

    /// <summary>
    /// Raised after an order was stored or reached a status, once that is committed (so a read made from the handler sees it).
    /// Handlers run on the endpoint's message threads: keep subscribers short.
    /// </summary>
    public event EventHandler<OrderChangedEventArgs>? Changed;

    /// <summary>The order <paramref name="orderId"/>, or null when there is none.</summary>
    public async Task<OrderView?> Get(Guid orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Get(connection, orderId, cancellationToken);
    }

    /// <summary>Every order, oldest first, without lines and timeline.</summary>
    public async Task<IReadOnlyList<OrderSummary>> ListAll(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = database.Command(
            connection, null, "SELECT id, customer_id, status, total, currency, reason FROM orders ORDER BY placed_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<OrderSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new OrderSummary(
                OrdersDatabase.ReadGuid(reader, 0),
                OrdersDatabase.ReadGuid(reader, 1),
                Enum.Parse<OrderStatus>(reader.GetString(2)),
                OrdersDatabase.ReadDecimal(reader, 3),
                reader.GetString(4),
                OrdersDatabase.ReadNullableString(reader, 5)));
        }

        return orders;
    }

    /// <summary>
    /// Completes with the order once <paramref name="condition"/> holds for it (immediately if it does already). Re-reads the order on every
    /// <see cref="Changed"/> for it, so it never polls; bound the wait with <paramref name="cancellationToken"/> or <c>WaitAsync</c>.
    /// </summary>
    public async Task<OrderView> WhenOrder(Guid orderId, Func<OrderView, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var signal = new SemaphoreSlim(0);
        void OnChanged(object? sender, OrderChangedEventArgs e)
        {
            if (e.OrderId == orderId)
            {
                signal.Release();
            }
        }

        Changed += OnChanged;
        try
        {
            while (true)
            {
                var order = await Get(orderId, cancellationToken);
                if (order is not null && condition(order))
                {
                    return order;
                }

                await signal.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            Changed -= OnChanged;
        }
    }

    internal Task<OrderView?> Get(DbConnection connection, Guid orderId, CancellationToken cancellationToken) => Get(connection, null, orderId, cancellationToken);

    internal async Task<OrderView?> Get(DbConnection connection, DbTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        OrderView order;
        await using (var command = database.Command(connection, transaction, $"SELECT {OrderColumns} FROM orders WHERE id = @id", ("@id", orderId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var currency = reader.GetString(7);
            order = new OrderView(
                OrdersDatabase.ReadGuid(reader, 0),
                OrdersDatabase.ReadGuid(reader, 1),
                OrdersDatabase.ReadGuid(reader, 2),
                Enum.Parse<OrderStatus>(reader.GetString(3)),
                OrdersDatabase.ReadNullableString(reader, 4),
                [.. StoredLines.Read(reader.GetString(5)).Select(l => new OrderLineView(
                    l.MenuItemId, l.Name, l.Quantity, l.UnitPrice, new Money(l.UnitPrice.Amount * l.Quantity, l.UnitPrice.Currency)))],
                OrdersDatabase.ReadDecimal(reader, 6),
                currency,
                OrdersDatabase.ReadTimestamp(reader, 8),
                OrdersDatabase.ReadTimestamp(reader, 9),
                []);
        }

        var timeline = new List<TimelineEntry>();
        await using (var command = database.Command(
            connection, transaction, "SELECT changed_at, status, reason FROM order_timeline WHERE order_id = @id", ("@id", orderId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                timeline.Add(new TimelineEntry(
                    OrdersDatabase.ReadTimestamp(reader, 0), Enum.Parse<OrderStatus>(reader.GetString(1)), OrdersDatabase.ReadNullableString(reader, 2)));
            }
        }

        var errors = order.Status == OrderStatus.Rejected ? await OrderStore.Rejection(database, connection, transaction, orderId, cancellationToken) : null;
        // Ties (Ready and Completed share a timestamp) fall back to the order of the life cycle.
        return order with { Timeline = [.. timeline.OrderBy(t => t.At).ThenBy(t => t.Status)], Errors = errors };
    }

    internal async Task<bool> HasTimelineEntry(Guid orderId, OrderStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = database.Command(
            connection, null, "SELECT COUNT(*) FROM order_timeline WHERE order_id = @id AND status = @status", ("@id", orderId), ("@status", status.ToString()));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    internal OrdersDatabase Database => database;

    /// <summary>True when someone listens to <see cref="Changed"/> (otherwise there is nothing to announce).</summary>
    internal bool HasSubscribers => Changed is not null;

    internal void OnChanged(Guid orderId, OrderStatus status)
    {
        try
        {
            Changed?.Invoke(this, new OrderChangedEventArgs(orderId, status));
        }
#pragma warning disable CA1031 // a subscriber's failure must not fail the message or the request that committed the change
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A subscriber of OrdersReadModel.Changed failed for order {OrderId} ({Status})", orderId, status);
        }
    }
}
