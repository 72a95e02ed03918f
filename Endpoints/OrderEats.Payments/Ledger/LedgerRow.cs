namespace OrderEats.Payments.Ledger;

// A row as the handlers need it: enough to repeat the stored answer.
internal sealed record LedgerRow(string Kind, Guid Id, decimal Amount, string Currency, string? Reason);
