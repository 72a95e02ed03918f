namespace OrderEats.Notifications;

/// <summary>How the simulated notification channel behaves (configuration section "Notifications"). Read on every call.</summary>
public sealed class NotificationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notifications";

    /// <summary>The fraction of deliveries that fail before delivering, 0 to 1 (default 0); recoverability retries them.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>How long each delivery takes (default 0).</summary>
    public TimeSpan Latency { get; set; }

    internal bool IsValid => TransientFailureRate is >= 0 and <= 1 && Latency >= TimeSpan.Zero;
}
