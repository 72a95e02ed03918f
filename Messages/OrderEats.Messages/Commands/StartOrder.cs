using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Commands;

/// <summary>
/// Internal: Orders starts the order saga with it once the order was validated, priced and stored as Submitted. Outside senders must not send it
/// (they send <see cref="PlaceOrder"/>); one whose order Orders did not store is refused to the error queue.
/// </summary>
/// <param name="OrderId">The stored order.</param>
/// <param name="CustomerId">The customer who pays.</param>
/// <param name="RestaurantId">The restaurant that prepares it.</param>
/// <param name="Lines">The lines, priced from the menu.</param>
/// <param name="Total">The amount to charge: the sum of the lines.</param>
[InternalContract]
[Destination(EndpointNames.Orders)]
[NotAnswered("the order's events (OrderStatusChanged)")]
public sealed record StartOrder([NotEmpty] Guid OrderId, [NotEmpty] Guid CustomerId, [NotEmpty] Guid RestaurantId, [System.ComponentModel.DataAnnotations.MinLength(1)] IReadOnlyList<OrderLine> Lines, Money Total) : ICommand;
