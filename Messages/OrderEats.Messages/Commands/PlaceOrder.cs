using OrderEats.Engine;

namespace OrderEats.Messages.Commands;

/// <summary>Places an order; starts the order saga. The client chooses <paramref name="OrderId"/>, so sending it twice places one order.</summary>
/// <param name="OrderId">The order, chosen by the client.</param>
/// <param name="CustomerId">The customer who pays.</param>
/// <param name="RestaurantId">The restaurant that prepares it.</param>
/// <param name="Lines">What was ordered.</param>
/// <param name="Total">The amount to charge.</param>
public sealed record PlaceOrder(Guid OrderId, Guid CustomerId, Guid RestaurantId, IReadOnlyList<OrderLine> Lines, Money Total) : ICommand;
