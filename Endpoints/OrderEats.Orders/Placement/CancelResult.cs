using OrderEats.Messages;

namespace OrderEats.Orders.Placement;

/// <summary>The result of <see cref="OrderPlacement.Cancel"/>.</summary>
/// <param name="Outcome">Accepted, not found or too late.</param>
/// <param name="Status">The order's status when the request was decided; null when not found.</param>
/// <param name="Detail">What happened and why, for a refusal.</param>
public sealed record CancelResult(CancelOutcome Outcome, OrderStatus? Status, string? Detail);
