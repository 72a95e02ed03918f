namespace OrderEats.Kitchen;

/// <summary>How the kitchen behaves (configuration section "Kitchen"). Read for every message, so a reloaded configuration applies at once.</summary>
public sealed class KitchenOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kitchen";

    /// <summary>Automatic (simulated) or manual (HTTP) answers (default Auto).</summary>
    public KitchenMode Mode { get; set; } = KitchenMode.Auto;

    /// <summary>Auto mode: how long after PrepareOrder the ticket is accepted or rejected (default 1 s).</summary>
    public TimeSpan AcceptDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Auto mode: how long after acceptance the order is ready (default 2 s).</summary>
    public TimeSpan PrepareTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Auto mode: the fraction of tickets rejected, 0 to 1 (default 0).</summary>
    public double RejectionRate { get; set; }

    /// <summary>Auto mode: the fraction of tickets never answered, 0 to 1 (default 0), so the saga's kitchen timeout compensates (for demos).</summary>
    public double IgnoreRate { get; set; }

    internal bool IsValid =>
        Enum.IsDefined(Mode) && AcceptDelay >= TimeSpan.Zero && PrepareTime >= TimeSpan.Zero && RejectionRate is >= 0 and <= 1 && IgnoreRate is >= 0 and <= 1;
}
