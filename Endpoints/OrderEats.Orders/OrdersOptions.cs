using System.Globalization;

namespace OrderEats.Orders;

/// <summary>Settings of the Orders service, bound from configuration section "Orders": how long the order saga waits for each step.</summary>
public sealed class OrdersOptions
{
    /// <summary>How long a charge may take before the order is cancelled (default 5 minutes).</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the kitchen may take to accept a paid order before it is refunded and cancelled (default 10 minutes).</summary>
    public TimeSpan KitchenTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an order cancelled by the payment timeout is kept so that a late charge is still refunded (default 24 hours).</summary>
    public TimeSpan CancelledRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Fails with the setting to fix when a duration is not positive.</summary>
    public OrdersOptions Validate()
    {
        Check(PaymentTimeout, nameof(PaymentTimeout), "00:05:00");
        Check(KitchenTimeout, nameof(KitchenTimeout), "00:10:00");
        Check(CancelledRetention, nameof(CancelledRetention), "1.00:00:00");
        return this;
    }

    private static void Check(TimeSpan value, string name, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture, "Orders:{0} is {1}; set a positive duration such as {2}.", name, value, example));
        }
    }
}
