namespace OrderEats.Notifications.Channel;

/// <summary>The simulated channel failed before delivering; nothing reached the customer, so the event is retried.</summary>
public sealed class NotificationChannelUnavailableException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public NotificationChannelUnavailableException(string message)
        : base(message)
    {
    }
}
