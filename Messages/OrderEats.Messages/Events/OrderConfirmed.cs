using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Events;

/// <summary>The order is paid and the kitchen accepted it; it will no longer be cancelled.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="RestaurantId">The restaurant preparing it.</param>
/// <param name="Total">The amount charged.</param>
[PublicContract]
public sealed record OrderConfirmed(Guid OrderId, Guid CustomerId, Guid RestaurantId, Money Total) : IOrderEvent;
