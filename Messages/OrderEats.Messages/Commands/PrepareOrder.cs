using System.ComponentModel.DataAnnotations;
using OrderEats.Engine;
using OrderEats.Engine.Contracts;
using OrderEats.Messages.Replies;

namespace OrderEats.Messages.Commands;

/// <summary>
/// Internal: the order saga asks the restaurant's kitchen to prepare a paid order; answered with <c>OrderAccepted</c> then <c>OrderPrepared</c>, or
/// <c>OrderRejected</c>. The kitchen refuses (to the error queue) a ticket without lines. Outside senders must not send it.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="RestaurantId">The restaurant.</param>
/// <param name="Lines">What to prepare: at least one line.</param>
[InternalContract]
[Destination(EndpointNames.Kitchen)]
[AnsweredWith(typeof(OrderAccepted), typeof(OrderPrepared), typeof(OrderRejected))]
public sealed record PrepareOrder([NotEmpty] Guid OrderId, [NotEmpty] Guid RestaurantId, [MinLength(1)] IReadOnlyList<OrderLine> Lines) : ICommand;
