namespace OrderEats.Notifications.Channel;

/// <summary>One message to one customer.</summary>
/// <param name="OrderId">The order it is about.</param>
/// <param name="Kind">The <see cref="NotificationKind"/>.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Text">What the customer reads.</param>
public sealed record Notification(Guid OrderId, string Kind, Guid CustomerId, string Text);
