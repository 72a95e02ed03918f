using System.ComponentModel.DataAnnotations;
using OrderEats.Engine;
using OrderEats.Engine.Contracts;
using OrderEats.Messages.Replies;

namespace OrderEats.Messages.Commands;

/// <summary>
/// Internal: the order saga refunds an order's charge. Payments refunds an order at most once and never more than was charged. Outside senders must
/// not send it.
/// </summary>
/// <param name="OrderId">The order whose charge is refunded.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Reason">Why the order was cancelled.</param>
[InternalContract]
[Destination(EndpointNames.Payments)]
[AnsweredWith(typeof(PaymentRefunded))]
public sealed record RefundPayment([NotEmpty] Guid OrderId, Money Amount, [StringLength(2000)] string Reason) : ICommand;
