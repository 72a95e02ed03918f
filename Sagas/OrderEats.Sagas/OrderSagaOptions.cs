namespace OrderEats.Sagas;

/// <summary>How long the order saga waits for each step, and the clock it stamps status changes with.</summary>
public sealed class OrderSagaOptions
{
    /// <summary>How long a charge may take before the order is cancelled (default 5 minutes).</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the kitchen may take to accept a paid order before it is refunded and cancelled (default 10 minutes).</summary>
    public TimeSpan KitchenTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an order cancelled by the payment timeout is kept, so that a charge arriving late is still refunded (default 24 hours).</summary>
    public TimeSpan CancelledRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The clock for <c>OrderStatusChanged.At</c> (default the system clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
