using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using OrderEats.Messages;
using OrderEats.Orders.Data;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.ReadModel;

/// <summary>Reads orders as the Orders service keeps them (status, lines, totals, timeline), and tells when one changed.</summary>
public sealed class OrdersReadModel
{
    private const string OrderColumns =
        "id AS OrderId, customer_id AS CustomerId, restaurant_id AS RestaurantId, status AS Status, reason AS Reason, lines AS Lines, total AS Total, " +
        "currency AS Currency, placed_at AS PlacedAt, updated_at AS UpdatedAt";
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
        var orders = await connection.QueryAsync<OrderSummary>(DapperSql.Command(
            "SELECT id AS OrderId, customer_id AS CustomerId, status AS Status, total AS Total, currency AS Currency, reason AS Reason FROM orders ORDER BY placed_at, id",
            null,
            null,
            cancellationToken));
        return [.. orders];
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

    internal static Task<OrderView?> Get(DbConnection connection, Guid orderId, CancellationToken cancellationToken) => Get(connection, null, orderId, cancellationToken);

    internal static async Task<OrderView?> Get(DbConnection connection, DbTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(DapperSql.Command(
            $"SELECT {OrderColumns} FROM orders WHERE id = @orderId", new { orderId }, transaction, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var order = new OrderView(
            row.OrderId,
            row.CustomerId,
            row.RestaurantId,
            Enum.Parse<OrderStatus>(row.Status),
            row.Reason,
            [.. StoredLines.Read(row.Lines).Select(l => new OrderLineView(
                l.MenuItemId, l.Name, l.Quantity, l.UnitPrice, new Money(l.UnitPrice.Amount * l.Quantity, l.UnitPrice.Currency)))],
            row.Total,
            row.Currency,
            row.PlacedAt,
            row.UpdatedAt,
            []);
        var timeline = await connection.QueryAsync<TimelineEntry>(DapperSql.Command(
            "SELECT changed_at AS At, status AS Status, reason AS Reason FROM order_timeline WHERE order_id = @orderId", new { orderId }, transaction, cancellationToken));
        var errors = order.Status == OrderStatus.Rejected ? await OrderStore.Rejection(connection, transaction, orderId, cancellationToken) : null;
        // Ties (Ready and Completed share a timestamp) fall back to the order of the life cycle.
        return order with { Timeline = [.. timeline.OrderBy(t => t.At).ThenBy(t => t.Status)], Errors = errors };
    }

    internal async Task<bool> HasTimelineEntry(Guid orderId, OrderStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(DapperSql.Command(
            "SELECT COUNT(*) FROM order_timeline WHERE order_id = @orderId AND status = @status", new { orderId, status = status.ToString() }, null, cancellationToken)) > 0;
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

    private sealed class OrderRow
    {
        public Guid OrderId { get; init; }

        public Guid CustomerId { get; init; }

        public Guid RestaurantId { get; init; }

        public string Status { get; init; } = string.Empty;

        public string? Reason { get; init; }

        public string Lines { get; init; } = "[]";

        public decimal Total { get; init; }

        public string Currency { get; init; } = string.Empty;

        public DateTimeOffset PlacedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
