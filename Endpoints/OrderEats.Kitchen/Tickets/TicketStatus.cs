namespace OrderEats.Kitchen.Tickets;

/// <summary>The states of a kitchen ticket: Received → Accepted → Ready, or Received → Rejected; Ignored when the simulated kitchen never answers.</summary>
public static class TicketStatus
{
    /// <summary>PrepareOrder arrived; waiting for the kitchen to accept or reject.</summary>
    public const string Received = "Received";

    /// <summary>The kitchen accepted the order (OrderAccepted sent).</summary>
    public const string Accepted = "Accepted";

    /// <summary>The kitchen rejected the order (OrderRejected sent).</summary>
    public const string Rejected = "Rejected";

    /// <summary>The order is prepared (OrderPrepared sent).</summary>
    public const string Ready = "Ready";

    /// <summary>The simulated kitchen will never answer (Kitchen:IgnoreRate); the saga's kitchen timeout compensates.</summary>
    public const string Ignored = "Ignored";

    /// <summary>Every status.</summary>
    public static IReadOnlyList<string> All { get; } = [Received, Accepted, Rejected, Ready, Ignored];
}
