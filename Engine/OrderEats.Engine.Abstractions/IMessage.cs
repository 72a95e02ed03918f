namespace OrderEats.Engine;

/// <summary>Marks a type as a message the engine may serialize and route.</summary>
#pragma warning disable CA1040 // marker interfaces are the contract: handlers and routing are keyed on them
public interface IMessage;
#pragma warning restore CA1040
