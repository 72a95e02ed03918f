using System.Data.Common;
using System.Text.Json;
using Dapper;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Orders.Placement;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Data;

// Writes and reads orders for placement, always in the caller's unit of work (a transactional session, or the handler's message transaction).
internal static class OrderStore
{
    private const string Insert =
        "INSERT INTO orders (id, customer_id, restaurant_id, lines, total, currency, status, reason, placed_at, updated_at, request_hash) " +
        "VALUES (@id, @customer, @restaurant, @lines, @total, @currency, @status, @reason, @at, @at, @hash)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<StoredOrder?> Find(IStorageSession storage, Guid orderId, CancellationToken cancellationToken)
    {
        var row = await storage.Connection.QuerySingleOrDefaultAsync<FoundOrder>(DapperSql.Command(
            "SELECT o.request_hash AS RequestHash, o.status AS Status, (SELECT COUNT(*) FROM order_timeline t WHERE t.order_id = o.id) AS TimelineEntries " +
            "FROM orders o WHERE o.id = @orderId",
            new { orderId },
            storage.Transaction,
            cancellationToken));
        return row is null ? null : new StoredOrder(row.RequestHash, Enum.Parse<OrderStatus>(row.Status), row.TimelineEntries > 0);
    }

    public static Task InsertSubmitted(IStorageSession storage, Guid orderId, PricedOrder order, string hash, DateTimeOffset at, CancellationToken cancellationToken) =>
        storage.Connection.ExecuteAsync(DapperSql.Command(
            Insert,
            new
            {
                id = orderId, customer = order.CustomerId, restaurant = order.RestaurantId, lines = StoredLines.Write(order.Lines), total = order.Total.Amount,
                currency = order.Total.Currency, status = nameof(OrderStatus.Submitted), reason = (string?)null, at, hash,
            },
            storage.Transaction,
            cancellationToken));

    // A rejected request keeps what identifies it (ids, when available) and why; it has no priced lines and no total.
    public static async Task InsertRejected(
        IStorageSession storage, OrderRequest request, string hash, string reason, IReadOnlyDictionary<string, string[]> errors, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await storage.Connection.ExecuteAsync(DapperSql.Command(
            Insert,
            new
            {
                id = request.OrderId, customer = request.CustomerId ?? Guid.Empty, restaurant = request.RestaurantId ?? Guid.Empty, lines = "[]", total = 0m,
                currency = string.Empty, status = nameof(OrderStatus.Rejected), reason, at, hash,
            },
            storage.Transaction,
            cancellationToken));
        await storage.Connection.ExecuteAsync(DapperSql.Command(
            "INSERT INTO order_rejections (order_id, errors) VALUES (@id, @errors)",
            new { id = request.OrderId, errors = JsonSerializer.Serialize(errors, Json) },
            storage.Transaction,
            cancellationToken));
    }

    public static async Task<IReadOnlyDictionary<string, string[]>> Rejection(DbConnection connection, DbTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        var json = await connection.ExecuteScalarAsync<string?>(DapperSql.Command(
            "SELECT errors FROM order_rejections WHERE order_id = @orderId", new { orderId }, transaction, cancellationToken));
        return json is null ? new Dictionary<string, string[]>() : JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Json) ?? [];
    }

    private sealed class FoundOrder
    {
        public string RequestHash { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public long TimelineEntries { get; init; }
    }
}
