using System.ComponentModel.DataAnnotations;
using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Commands;

/// <summary>
/// Asks to cancel an order (the HTTP API's POST /orders/{id}/cancel sends it too). Honoured while the order is Submitted or Paid: any charge is
/// refunded, then the order becomes Cancelled (<c>OrderCancelled</c>). Ignored once the kitchen accepted it, for an order that has ended, and for
/// an order Orders has not started (not placed yet, or Rejected). Never answered.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">Why, as the customer gave it (at most 500 characters).</param>
[PublicContract]
[Destination(EndpointNames.Orders)]
[NotAnswered("OrderCancelled, OrderStatusChanged or GET /orders/{id}; a cancel that came too late leaves the order as it is")]
public sealed record CancelOrder([NotEmpty] Guid OrderId, [StringLength(500)] string? Reason = null) : ICommand;
