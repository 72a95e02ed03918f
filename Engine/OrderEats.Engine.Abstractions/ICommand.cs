namespace OrderEats.Engine;

/// <summary>A request to do something, sent to exactly one endpoint chosen by routing.</summary>
#pragma warning disable CA1040
public interface ICommand : IMessage;
#pragma warning restore CA1040
