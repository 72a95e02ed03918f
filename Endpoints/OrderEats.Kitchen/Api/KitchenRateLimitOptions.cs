namespace OrderEats.Kitchen.Api;

/// <summary>How many requests the kitchen API accepts per window (configuration section "Kitchen:RateLimit"): per staff key, and per IP address without a valid key.</summary>
public sealed class KitchenRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kitchen:RateLimit";

    /// <summary>Requests per window for one staff key (default 120).</summary>
    public int PermitLimit { get; set; } = 120;

    /// <summary>Requests per window from one IP address without a valid key (default 30).</summary>
    public int AnonymousPermitLimit { get; set; } = 30;

    /// <summary>The fixed window (default 1 minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Fails with the setting to fix when a value is not positive.</summary>
    public KitchenRateLimitOptions Validate() => PermitLimit > 0 && AnonymousPermitLimit > 0 && Window > TimeSpan.Zero
        ? this
        : throw new InvalidOperationException(
            $"{Section}: PermitLimit ({PermitLimit}), AnonymousPermitLimit ({AnonymousPermitLimit}) and Window ({Window}) must be positive, e.g. 120, 30 and 00:01:00.");
}
