namespace OrderEats.Engine;

/// <summary>A fact that happened, published to every endpoint that subscribes to its type or one of its base types.</summary>
#pragma warning disable CA1040
public interface IEvent : IMessage;
#pragma warning restore CA1040
