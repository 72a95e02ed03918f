namespace OrderEats.Notifications.Log;

/// <summary>A notification the customer was sent.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Kind">The <see cref="NotificationKind"/>.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="SentAt">When it was sent, UTC.</param>
public sealed record SentNotification(Guid OrderId, string Kind, Guid CustomerId, DateTimeOffset SentAt);
