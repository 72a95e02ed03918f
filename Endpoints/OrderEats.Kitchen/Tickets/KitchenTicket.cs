namespace OrderEats.Kitchen.Tickets;

/// <summary>A kitchen ticket: one per order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="RestaurantId">The restaurant preparing it.</param>
/// <param name="Status">Its <see cref="TicketStatus"/>.</param>
/// <param name="CreatedAt">When PrepareOrder created it, UTC.</param>
/// <param name="UpdatedAt">When its status last changed, UTC.</param>
public sealed record KitchenTicket(Guid OrderId, Guid RestaurantId, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
