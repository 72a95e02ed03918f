using OrderEats.Engine;

namespace OrderEats.Messages.Commands;

/// <summary>Asks the restaurant's kitchen to prepare a paid order; answered with <c>OrderAccepted</c> then <c>OrderPrepared</c>, or <c>OrderRejected</c>.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="RestaurantId">The restaurant.</param>
/// <param name="Lines">What to prepare.</param>
public sealed record PrepareOrder(Guid OrderId, Guid RestaurantId, IReadOnlyList<OrderLine> Lines) : ICommand;
