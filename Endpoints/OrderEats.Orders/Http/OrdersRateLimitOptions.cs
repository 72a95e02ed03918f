namespace OrderEats.Orders.Http;

/// <summary>How many requests the Orders API accepts per window (configuration section "Orders:RateLimit"): per caller, and per IP address for anonymous requests.</summary>
public sealed class OrdersRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orders:RateLimit";

    /// <summary>Requests per window for one caller (token subject or API key name) (default 100).</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>Requests per window from one IP address without credentials (default 60).</summary>
    public int AnonymousPermitLimit { get; set; } = 60;

    /// <summary>The fixed window (default 1 minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Fails with the setting to fix when a value is not positive.</summary>
    public OrdersRateLimitOptions Validate()
    {
        if (PermitLimit <= 0 || AnonymousPermitLimit <= 0 || Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{Section}: PermitLimit ({PermitLimit}), AnonymousPermitLimit ({AnonymousPermitLimit}) and Window ({Window}) must be positive, e.g. 100, 60 and 00:01:00.");
        }

        return this;
    }
}
