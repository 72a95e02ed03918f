using OrderEats.Engine;

namespace OrderEats.Messages.Commands;

/// <summary>The customer asks to cancel an order. Honoured until the kitchen accepts it; ignored afterwards.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">Why, as the customer gave it.</param>
public sealed record CancelOrder(Guid OrderId, string Reason) : ICommand;
