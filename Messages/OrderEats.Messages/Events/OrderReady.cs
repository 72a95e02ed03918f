using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Events;

/// <summary>The kitchen prepared the order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
[PublicContract]
public sealed record OrderReady(Guid OrderId, Guid CustomerId) : IOrderEvent;
