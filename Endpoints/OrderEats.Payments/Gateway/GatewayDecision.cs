namespace OrderEats.Payments.Gateway;

/// <summary>What the gateway answered to a charge: approved, or declined with the reason.</summary>
/// <param name="Approved">True when the customer was charged.</param>
/// <param name="DeclineReason">Why the charge was declined; null when approved.</param>
public sealed record GatewayDecision(bool Approved, string? DeclineReason);
