using Npgsql;

namespace OrderEats.Benchmarks;

/// <summary>Median time each order spent reaching each status (from the Orders service's own timeline), to show where an order waits.</summary>
internal static class StageTimes
{
    public static async Task<Dictionary<string, double>> Read(string serverConnectionString, CancellationToken cancellationToken = default)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "ordereats_orders", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT status, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM (
              SELECT t.status, extract(epoch FROM t.changed_at - coalesce(lag(t.changed_at) OVER (PARTITION BY t.order_id ORDER BY t.changed_at), o.placed_at)) * 1000 AS ms
              FROM order_timeline t JOIN orders o ON o.id = t.order_id) x
            GROUP BY status ORDER BY 2
            """,
            connection);
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stages[reader.GetString(0)] = Math.Round(reader.GetDouble(1), 1);
        }

        return stages;
    }
}
