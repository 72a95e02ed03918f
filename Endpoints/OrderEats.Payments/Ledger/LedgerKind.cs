namespace OrderEats.Payments.Ledger;

/// <summary>The kinds of ledger rows. An order has at most one of each, and never both a charge and a decline.</summary>
public static class LedgerKind
{
    /// <summary>The customer was charged.</summary>
    public const string Charge = "charge";

    /// <summary>The charge was refunded.</summary>
    public const string Refund = "refund";

    /// <summary>The charge was declined; nothing was taken.</summary>
    public const string Decline = "decline";

    // Charge and decline share one slot per order (the payment outcome); the refund has its own.
    internal static string Stage(string kind) => kind == Refund ? "refund" : "payment";
}
