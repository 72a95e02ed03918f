using OrderEats.Engine;
using OrderEats.Engine.Contracts;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Messages.Commands;

/// <summary>
/// Asks to place an order; the one command outside senders use to order. It is a request, never a fact: Orders validates it (required fields,
/// quantities 1 to 100, 1 to 100 lines), checks that the customer, the restaurant and every menu item exist, prices it from the menu, and stores it.
/// A valid order becomes Submitted and is charged at the menu price; an invalid one becomes Rejected with reasons per field and is never
/// charged (published as <see cref="OrderPlacementRejected"/>). The sender chooses <paramref name="OrderId"/>: sending the same request again places
/// one order; different content under a taken id is refused. Answered, when the message names a reply queue, with <see cref="OrderPlaced"/> or
/// <see cref="OrderPlacementRejected"/>.
/// </summary>
/// <param name="OrderId">The order, a GUID chosen by the sender (required, not all zeros).</param>
/// <param name="CustomerId">The customer who pays (POST /customers).</param>
/// <param name="RestaurantId">The restaurant whose menu the lines come from (GET /restaurants).</param>
/// <param name="Lines">What is ordered: 1 to 100 lines, all priced in one currency.</param>
/// <param name="Total">Optional, computed: the sum of the lines at menu prices; a total sent anyway must equal it.</param>
[PublicContract]
[Destination(EndpointNames.Orders)]
[AnsweredWith(typeof(OrderPlaced), typeof(OrderPlacementRejected))]
public sealed record PlaceOrder(
    [NotEmpty] Guid OrderId,
    Guid? CustomerId = null,
    Guid? RestaurantId = null,
    IReadOnlyList<PlaceOrderLine?>? Lines = null,
    [Computed("the lines at menu prices")] Money? Total = null) : ICommand;
