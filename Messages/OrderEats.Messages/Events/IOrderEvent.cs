using OrderEats.Engine;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages.Events;

/// <summary>Any event about one order; subscribe to it to receive them all.</summary>
[PublicContract]
public interface IOrderEvent : IEvent
{
    /// <summary>The order.</summary>
    Guid OrderId { get; }
}
