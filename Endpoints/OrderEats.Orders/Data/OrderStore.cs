using System.Globalization;
using System.Text.Json;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Orders.Placement;

namespace OrderEats.Orders.Data;

// Writes and reads orders for placement, always in the caller's unit of work (a transactional session, or the handler's message transaction).
internal sealed class OrderStore(OrdersDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StoredOrder?> Find(IStorageSession storage, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            storage.Connection,
            storage.Transaction,
            "SELECT o.request_hash, o.status, (SELECT COUNT(*) FROM order_timeline t WHERE t.order_id = o.id) FROM orders o WHERE o.id = @id",
            ("@id", orderId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredOrder(reader.GetString(0), Enum.Parse<OrderStatus>(reader.GetString(1)), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) > 0)
            : null;
    }

    public async Task InsertSubmitted(IStorageSession storage, Guid orderId, PricedOrder order, string hash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var insert = database.Command(
            storage.Connection,
            storage.Transaction,
            "INSERT INTO orders (id, customer_id, restaurant_id, lines, total, currency, status, reason, placed_at, updated_at, request_hash) " +
            "VALUES (@id, @customer, @restaurant, @lines, @total, @currency, @status, @reason, @at, @at, @hash)",
            ("@id", orderId), ("@customer", order.CustomerId), ("@restaurant", order.RestaurantId), ("@lines", StoredLines.Write(order.Lines)),
            ("@total", order.Total.Amount), ("@currency", order.Total.Currency), ("@status", nameof(OrderStatus.Submitted)), ("@reason", null), ("@at", at), ("@hash", hash));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    // A rejected request keeps what identifies it (ids, when available) and why; it has no priced lines and no total.
    public async Task InsertRejected(
        IStorageSession storage, OrderRequest request, string hash, string reason, IReadOnlyDictionary<string, string[]> errors, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var insert = database.Command(
            storage.Connection,
            storage.Transaction,
            "INSERT INTO orders (id, customer_id, restaurant_id, lines, total, currency, status, reason, placed_at, updated_at, request_hash) " +
            "VALUES (@id, @customer, @restaurant, @lines, @total, @currency, @status, @reason, @at, @at, @hash)",
            ("@id", request.OrderId), ("@customer", request.CustomerId ?? Guid.Empty), ("@restaurant", request.RestaurantId ?? Guid.Empty), ("@lines", "[]"),
            ("@total", 0m), ("@currency", string.Empty), ("@status", nameof(OrderStatus.Rejected)), ("@reason", reason), ("@at", at), ("@hash", hash)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var details = database.Command(
            storage.Connection, storage.Transaction, "INSERT INTO order_rejections (order_id, errors) VALUES (@id, @errors)",
            ("@id", request.OrderId), ("@errors", JsonSerializer.Serialize(errors, Json)));
        await details.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyDictionary<string, string[]>> Rejection(
        OrdersDatabase database, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, transaction, "SELECT errors FROM order_rejections WHERE order_id = @id", ("@id", orderId));
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Json) ?? []
            : new Dictionary<string, string[]>();
    }
}
