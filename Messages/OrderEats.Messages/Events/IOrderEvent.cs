using OrderEats.Engine;

namespace OrderEats.Messages.Events;

/// <summary>Any event about one order; subscribe to it to receive them all.</summary>
public interface IOrderEvent : IEvent
{
    /// <summary>The order.</summary>
    Guid OrderId { get; }
}
