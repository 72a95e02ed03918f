using Npgsql;

namespace OrderEats.Chaos;

/// <summary>Reads the services' own databases (each service owns one: ordereats_orders, ordereats_payments, ordereats_notifications).</summary>
internal sealed class OrderDatabases(string serverConnectionString)
{
    public async Task<Dictionary<Guid, string>> Statuses(CancellationToken cancellationToken = default) =>
        await Read("ordereats_orders", "SELECT id, status FROM orders", r => (r.GetGuid(0), r.GetString(1)), cancellationToken);

    /// <summary>Orders with at least one timeline entry: their saga ran (it records Submitted when it starts).</summary>
    public async Task<HashSet<Guid>> Started(CancellationToken cancellationToken = default) =>
        [.. await ReadList("ordereats_orders", "SELECT DISTINCT order_id FROM order_timeline", r => r.GetGuid(0), cancellationToken)];

    public async Task<string?> Status(Guid orderId, CancellationToken cancellationToken = default) =>
        (await ReadList("ordereats_orders", $"SELECT status FROM orders WHERE id = '{orderId}'", r => r.GetString(0), cancellationToken)).FirstOrDefault();

    public async Task<List<(Guid OrderId, string Kind, decimal Amount)>> Ledger(CancellationToken cancellationToken = default) =>
        await ReadList("ordereats_payments", "SELECT order_id, kind, amount FROM payments_ledger", r => (r.GetGuid(0), r.GetString(1), r.GetDecimal(2)), cancellationToken);

    public async Task<List<(Guid OrderId, string Kind)>> Notifications(CancellationToken cancellationToken = default) =>
        await ReadList("ordereats_notifications", "SELECT order_id, kind FROM notifications_sent", r => (r.GetGuid(0), r.GetString(1)), cancellationToken);

    private async Task<Dictionary<Guid, string>> Read(string database, string sql, Func<NpgsqlDataReader, (Guid, string)> map, CancellationToken cancellationToken)
    {
        var rows = await ReadList(database, sql, map, cancellationToken);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    private async Task<List<T>> ReadList<T>(string database, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
