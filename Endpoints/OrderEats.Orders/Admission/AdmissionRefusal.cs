namespace OrderEats.Orders.Admission;

/// <summary>Why the gate refused an order, and when to try again.</summary>
/// <param name="Reason">What the caller reads: the backlog and the limit it passed.</param>
/// <param name="RetryAfter">When the backlog is expected to have drained enough.</param>
public sealed record AdmissionRefusal(string Reason, TimeSpan RetryAfter);
