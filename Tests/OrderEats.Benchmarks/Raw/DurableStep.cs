using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrderEats.Benchmarks.Messages;

namespace OrderEats.Benchmarks.Raw;

/// <summary>
/// What one durable saga step costs when written by hand: in one PostgreSQL transaction, lock the state row, update its JSON, insert the
/// outgoing message into an outbox table. The caller then publishes (confirmed) and acks.
/// </summary>
internal sealed class DurableStep(NpgsqlDataSource dataSource)
{
    public async Task Setup(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_state (id int PRIMARY KEY, data jsonb NOT NULL, version int NOT NULL); " +
            "CREATE TABLE IF NOT EXISTS bench_outbox (message_id text PRIMARY KEY, operations jsonb NOT NULL, dispatched boolean NOT NULL DEFAULT false); " +
            "TRUNCATE bench_state; TRUNCATE bench_outbox;");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task Run(int chain, string messageId, ChainHop hop, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("INSERT INTO bench_state (id, data, version) VALUES (@id, '{}', 0) ON CONFLICT (id) DO NOTHING", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", chain);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        string data;
        await using (var select = new NpgsqlCommand("SELECT data::text FROM bench_state WHERE id = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("id", chain);
            data = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        }

        var state = JsonSerializer.Deserialize<Dictionary<string, int>>(data) ?? [];
        state["hop"] = hop.Hop;
        await using (var update = new NpgsqlCommand("UPDATE bench_state SET data = @data, version = version + 1 WHERE id = @id", connection, transaction))
        {
            update.Parameters.AddWithValue("id", chain);
            update.Parameters.AddWithValue("data", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(state));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var outbox = new NpgsqlCommand("INSERT INTO bench_outbox (message_id, operations) VALUES (@id, @ops)", connection, transaction))
        {
            outbox.Parameters.AddWithValue("id", messageId);
            outbox.Parameters.AddWithValue("ops", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(hop with { Hop = hop.Hop + 1 }));
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
