using OrderEats.ServiceDefaults;
using OrderEats.Engine;
using OrderEats.Engine.Sql;

namespace OrderEats.Payments.Ledger;

// The ledger as handlers see it: reads and writes in the message's unit of work, so a row and the reply commit together.
internal sealed class LedgerWriter(IStorageSession storage, SqlDialectKind kind)
{
    public async Task<LedgerRow?> Find(Guid orderId, string stage, CancellationToken cancellationToken = default)
    {
        await using var command = SqlValues.Command(
                storage.Connection, storage.Transaction, $"SELECT kind, id, amount, currency, reason FROM {LedgerSchema.Table} WHERE order_id = @order AND stage = @stage")
            .Add("@order", SqlValues.StoredGuid(kind, orderId))
            .Add("@stage", stage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new LedgerRow(
            reader.GetString(0),
            SqlValues.ReadGuid(reader.GetValue(1)),
            SqlValues.ReadMoney(reader.GetValue(2)),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    public async Task Insert(Guid orderId, LedgerRow row, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = SqlValues.Command(
                storage.Connection,
                storage.Transaction,
                $"INSERT INTO {LedgerSchema.Table} (id, order_id, kind, stage, amount, currency, reason, at) VALUES (@id, @order, @kind, @stage, @amount, @currency, @reason, @at)")
            .Add("@id", SqlValues.StoredGuid(kind, row.Id))
            .Add("@order", SqlValues.StoredGuid(kind, orderId))
            .Add("@kind", row.Kind)
            .Add("@stage", LedgerKind.Stage(row.Kind))
            .Add("@amount", row.Amount)
            .Add("@currency", row.Currency)
            .Add("@reason", row.Reason)
            .Add("@at", SqlValues.StoredTime(kind, at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Turns the reserved charge row of this transaction into a decline.
    public async Task Decline(Guid orderId, string? reason, CancellationToken cancellationToken = default)
    {
        await using var command = SqlValues.Command(
                storage.Connection, storage.Transaction, $"UPDATE {LedgerSchema.Table} SET kind = @decline, reason = @reason WHERE order_id = @order AND kind = @charge")
            .Add("@decline", LedgerKind.Decline)
            .Add("@reason", reason)
            .Add("@order", SqlValues.StoredGuid(kind, orderId))
            .Add("@charge", LedgerKind.Charge);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
