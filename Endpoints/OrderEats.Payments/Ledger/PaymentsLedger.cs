using Dapper;
using OrderEats.ServiceDefaults;

namespace OrderEats.Payments.Ledger;

/// <summary>Reads the payments ledger (its own connection, outside any message): for the demo's invariant check and tools.</summary>
public sealed class PaymentsLedger
{
    private readonly EndpointDatabase database;

    internal PaymentsLedger(EndpointDatabase database) => this.database = database;

    /// <summary>Every ledger row, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ReadAll(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var entries = await connection.QueryAsync<LedgerEntry>(SqlValues.Command(
            $"SELECT order_id AS OrderId, kind AS Kind, id AS EntryId, amount AS Amount, currency AS Currency, at AS At FROM {LedgerSchema.Table} ORDER BY at, order_id, kind",
            null,
            null,
            cancellationToken));
        return [.. entries];
    }
}
