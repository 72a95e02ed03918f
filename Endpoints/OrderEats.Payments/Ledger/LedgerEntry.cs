namespace OrderEats.Payments.Ledger;

/// <summary>One row of the payments ledger.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Kind">charge, refund or decline (<see cref="LedgerKind"/>).</param>
/// <param name="EntryId">The charge or refund id sent in the reply (for a decline, the decline's own id).</param>
/// <param name="Amount">The amount charged, refunded or declined.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="At">When Payments recorded it, UTC.</param>
public sealed record LedgerEntry(Guid OrderId, string Kind, Guid EntryId, decimal Amount, string Currency, DateTimeOffset At);
