using OrderEats.Messages;

namespace OrderEats.Orders;

/// <summary>An order as the read model holds it: what was ordered, what it costs, where it is, and how it got there.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="RestaurantId">The restaurant.</param>
/// <param name="Status">The latest status; never moves back from Completed or Cancelled.</param>
/// <param name="Reason">Why it was cancelled, if it was.</param>
/// <param name="Lines">The lines, priced from the menu.</param>
/// <param name="Total">The sum of the line totals.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="PlacedAt">When the order was placed.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="Timeline">Every status reached, oldest first.</param>
public sealed record OrderView(
    Guid OrderId,
    Guid CustomerId,
    Guid RestaurantId,
    OrderStatus Status,
    string? Reason,
    IReadOnlyList<OrderLineView> Lines,
    decimal Total,
    string Currency,
    DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntry> Timeline);
