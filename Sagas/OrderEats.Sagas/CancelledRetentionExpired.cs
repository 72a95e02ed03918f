namespace OrderEats.Sagas;

/// <summary>Timeout state: an order cancelled by the payment timeout has been kept long enough for a late charge to arrive.</summary>
public sealed record CancelledRetentionExpired;
