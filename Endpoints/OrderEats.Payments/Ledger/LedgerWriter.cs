using Dapper;
using OrderEats.Engine;
using OrderEats.ServiceDefaults;

namespace OrderEats.Payments.Ledger;

// The ledger as handlers see it: reads and writes on the message's unit of work (its connection and transaction), so a row and the reply commit together.
internal sealed class LedgerWriter(IStorageSession storage)
{
    public Task<LedgerRow?> Find(Guid orderId, string stage, CancellationToken cancellationToken = default) =>
        storage.Connection.QuerySingleOrDefaultAsync<LedgerRow?>(DapperSql.Command(
            $"SELECT kind AS Kind, id AS Id, amount AS Amount, currency AS Currency, reason AS Reason FROM {LedgerSchema.Table} WHERE order_id = @orderId AND stage = @stage",
            new { orderId, stage },
            storage.Transaction,
            cancellationToken));

    public Task Insert(Guid orderId, LedgerRow row, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        storage.Connection.ExecuteAsync(DapperSql.Command(
            $"INSERT INTO {LedgerSchema.Table} (id, order_id, kind, stage, amount, currency, reason, at) VALUES (@Id, @orderId, @Kind, @stage, @Amount, @Currency, @Reason, @at)",
            new { row.Id, orderId, row.Kind, stage = LedgerKind.Stage(row.Kind), row.Amount, row.Currency, row.Reason, at },
            storage.Transaction,
            cancellationToken));

    // Turns the reserved charge row of this transaction into a decline.
    public Task Decline(Guid orderId, string? reason, CancellationToken cancellationToken = default) =>
        storage.Connection.ExecuteAsync(DapperSql.Command(
            $"UPDATE {LedgerSchema.Table} SET kind = @decline, reason = @reason WHERE order_id = @orderId AND kind = @charge",
            new { decline = LedgerKind.Decline, reason, orderId, charge = LedgerKind.Charge },
            storage.Transaction,
            cancellationToken));
}
