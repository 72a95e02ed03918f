namespace OrderEats.Notifications;

/// <summary>The customer notifications; each is sent at most once per order.</summary>
public static class NotificationKind
{
    /// <summary>The order is paid and the kitchen accepted it.</summary>
    public const string OrderConfirmed = "OrderConfirmed";

    /// <summary>The order is ready.</summary>
    public const string OrderReady = "OrderReady";

    /// <summary>The order was cancelled.</summary>
    public const string OrderCancelled = "OrderCancelled";
}
