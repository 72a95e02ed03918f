using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Extensibility;

/// <summary>The stable name the engine gives a message or saga type on the wire and in storage.</summary>
public static class MessageContractName
{
    /// <summary>The contract name of <paramref name="type"/>: its full name with nested types joined by dots, never assembly-qualified.</summary>
    public static string Of(Type type) => MessageTypeRegistry.ContractName(type);
}
