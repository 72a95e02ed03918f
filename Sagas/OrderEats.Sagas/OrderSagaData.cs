using OrderEats.Engine;
using OrderEats.Messages;

namespace OrderEats.Sagas;

/// <summary>The state of one order while its saga runs.</summary>
public sealed class OrderSagaData : ContainSagaData
{
    /// <summary>The order; the correlation property.</summary>
    public Guid OrderId { get; set; }

    /// <summary>The customer who pays.</summary>
    public Guid CustomerId { get; set; }

    /// <summary>The restaurant that prepares it.</summary>
    public Guid RestaurantId { get; set; }

    /// <summary>What was ordered.</summary>
    public IReadOnlyList<OrderLine> Lines { get; set; } = [];

    /// <summary>The amount to charge.</summary>
    public Money Total { get; set; } = new(0m, string.Empty);

    /// <summary>When <c>StartOrder</c> was handled; null until then, which tells a new instance from a duplicate <c>StartOrder</c>.</summary>
    public DateTimeOffset? PlacedAt { get; set; }

    /// <summary>The order's status.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>True once the customer asked to cancel; before the charge is known the cancel waits for the payment outcome.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Why the order is being or was cancelled: the first cause wins.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>The charge, once Payments confirmed it.</summary>
    public Guid? ChargeId { get; set; }

    /// <summary>The amount Payments charged.</summary>
    public Money? ChargedAmount { get; set; }

    /// <summary>True once <c>RefundPayment</c> was sent; it is sent at most once.</summary>
    public bool RefundRequested { get; set; }

    /// <summary>The refund, once Payments confirmed it.</summary>
    public Guid? RefundId { get; set; }
}
