using System.Globalization;

namespace OrderEats.Orders.Admission;

/// <summary>
/// Backpressure at the edge, bound from configuration section "Orders:Admission": when the orders already accepted would keep a new order
/// waiting longer than <see cref="MaxWait"/> before the kitchen accepts it, new orders are refused with 503 and Retry-After instead of being
/// accepted and then cancelled by the saga's own timeouts.
/// </summary>
public sealed class AdmissionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orders:Admission";

    /// <summary>False turns the gate off: every valid order is accepted (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a new order may be expected to wait from placing to the kitchen's acceptance; default (unset): the shorter of the payment
    /// and kitchen timeouts. Each timeout's clock covers only part of that path (payment: placing → paid; kitchen: paid → accepted), so an
    /// order admitted within the limit meets both with room to spare.
    /// </summary>
    public TimeSpan? MaxWait { get; set; }

    /// <summary>
    /// Orders always accepted while no more than this many accepted orders are still waiting for the kitchen (default 8): until orders drain,
    /// there is no rate to judge by.
    /// </summary>
    public int MinInFlight { get; set; } = 8;

    /// <summary>Refuse while the ready messages in the orders, payments and kitchen queues together exceed this (default 0: no queue limit).</summary>
    public long MaxQueueDepth { get; set; }

    /// <summary>How often the gate re-reads the orders it accepted and the queue depths (default 500 ms).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The wait the gate allows, given the saga's timeouts.</summary>
    public TimeSpan EffectiveMaxWait(OrdersOptions orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return MaxWait ?? TimeSpan.FromTicks(Math.Min(orders.PaymentTimeout.Ticks, orders.KitchenTimeout.Ticks));
    }

    /// <summary>Fails with the setting to fix when a value is out of range.</summary>
    public AdmissionOptions Validate()
    {
        if (MaxWait is { } wait && wait <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Section}:MaxWait is {wait}; set a positive duration such as 00:00:30, or leave it unset."));
        }

        if (MinInFlight < 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Section}:MinInFlight is {MinInFlight}; set 1 or more."));
        }

        if (MaxQueueDepth < 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Section}:MaxQueueDepth is {MaxQueueDepth}; set 0 (no limit) or more."));
        }

        if (SampleInterval < TimeSpan.FromMilliseconds(50) || SampleInterval > TimeSpan.FromSeconds(30))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Section}:SampleInterval is {SampleInterval}; set between 00:00:00.050 and 00:00:30."));
        }

        return this;
    }
}
