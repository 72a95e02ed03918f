using OrderEats.Messages;

namespace OrderEats.Orders.ReadModel;

/// <summary>An order as the read model holds it: what was ordered, what it costs, where it is, and how it got there.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="RestaurantId">The restaurant.</param>
/// <param name="Status">The latest status; never moves back from Completed, Cancelled or Rejected.</param>
/// <param name="Reason">Why it was cancelled or rejected, if it was.</param>
/// <param name="Lines">The lines, priced from the menu (none for a rejected request).</param>
/// <param name="Total">The sum of the line totals (0 for a rejected request).</param>
/// <param name="Currency">The currency of every amount (empty for a rejected request).</param>
/// <param name="PlacedAt">When the order was placed.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="Timeline">Every status reached, oldest first.</param>
/// <param name="Errors">For a Rejected order: what was wrong with the request, per field (as the 400 of POST /orders lists them); otherwise null.</param>
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
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyDictionary<string, string[]>? Errors = null);
