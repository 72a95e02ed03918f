using OrderEats.ServiceDefaults;

namespace OrderEats.Payments.Ledger;

/// <summary>Reads the payments ledger (its own connection, outside any message): for the demo's invariant check and tools.</summary>
public sealed class PaymentsLedger
{
    internal PaymentsLedger(EndpointDatabase database) => Database = database;

    internal EndpointDatabase Database { get; }

    /// <summary>Every ledger row, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ReadAll(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.Open(cancellationToken);
        await using var command = SqlValues.Command(
            connection, null, $"SELECT order_id, kind, id, amount, currency, at FROM {LedgerSchema.Table} ORDER BY at, order_id, kind");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(
                SqlValues.ReadGuid(reader.GetValue(0)),
                reader.GetString(1),
                SqlValues.ReadGuid(reader.GetValue(2)),
                SqlValues.ReadMoney(reader.GetValue(3)),
                reader.GetString(4),
                SqlValues.ReadTime(reader.GetValue(5))));
        }

        return entries;
    }
}
