namespace OrderEats.Orders.Http;

/// <summary>An order as the client places it. The client chooses <paramref name="OrderId"/>: placing the same request again places no second order.</summary>
/// <param name="OrderId">The order, a non-empty GUID chosen by the client.</param>
/// <param name="CustomerId">The customer who pays.</param>
/// <param name="RestaurantId">The restaurant whose menu the lines come from.</param>
/// <param name="Lines">What is ordered: at least one line, all priced in one currency.</param>
public sealed record PlaceOrderRequest(Guid OrderId, Guid CustomerId, Guid RestaurantId, IReadOnlyList<OrderLineRequest> Lines);
