using System.Globalization;

namespace OrderEats.Orders;

/// <summary>Settings of the Orders service, bound from configuration section "Orders": how long the order saga waits for each step.</summary>
public sealed class OrdersOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orders";

    /// <summary>How long a charge may take before the order is cancelled (default 5 minutes).</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the kitchen may take to accept a paid order before it is refunded and cancelled (default 10 minutes).</summary>
    public TimeSpan KitchenTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an order cancelled by the payment timeout is kept so that a late charge is still refunded (default 24 hours).</summary>
    public TimeSpan CancelledRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>What is wrong with the settings, one message per key naming the setting to fix; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(problems, PaymentTimeout, nameof(PaymentTimeout), "00:05:00");
        Check(problems, KitchenTimeout, nameof(KitchenTimeout), "00:10:00");
        Check(problems, CancelledRetention, nameof(CancelledRetention), "1.00:00:00");
        return problems;
    }

    private static void Check(List<string> problems, TimeSpan value, string name, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}:{1} is {2}; set a positive duration such as {3}.", Section, name, value, example));
        }
    }
}
