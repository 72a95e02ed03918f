using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Events;

/// <summary>
/// A request to place an order was refused; nothing was charged, prepared or notified. Published once when an order is stored as Rejected (its
/// <c>GET /orders/{id}</c> shows the same reasons), and sent as the reply to a <c>PlaceOrder</c> that named a reply queue, including one refused
/// because its order id is taken by an order with different content (that order is left as it is, and nothing is published).
/// </summary>
/// <param name="OrderId">The order id the request used.</param>
/// <param name="CustomerId">The customer the request named, if it named one.</param>
/// <param name="Reason">A one-line summary.</param>
/// <param name="Errors">What is wrong, per field of the request (<c>customerId</c>, <c>lines[0].quantity</c>, <c>total</c>, <c>orderId</c> for a taken id).</param>
/// <param name="At">When the request was refused.</param>
[PublicContract]
public sealed record OrderPlacementRejected(
    Guid OrderId,
    Guid? CustomerId,
    string Reason,
    [Computed("the validation of the request")] IReadOnlyDictionary<string, string[]> Errors,
    DateTimeOffset At) : IOrderEvent;
