using OrderEats.ServiceDefaults;

namespace OrderEats.Payments.Ledger;

/// <summary>Reads the payments ledger (its own connection, outside any message): for the demo's invariant check and tools.</summary>
public sealed class PaymentsLedger
{
    private readonly EndpointDatabase database;

    internal PaymentsLedger(EndpointDatabase database) => this.database = database;

    /// <summary>Every ledger row, oldest first.</summary>
    public Task<IReadOnlyList<LedgerEntry>> ReadAll(CancellationToken cancellationToken = default) => database.Query<LedgerEntry>(
        $"SELECT order_id AS OrderId, kind AS Kind, id AS EntryId, amount AS Amount, currency AS Currency, at AS At FROM {LedgerSchema.Table} ORDER BY at, order_id, kind",
        cancellationToken: cancellationToken);
}
