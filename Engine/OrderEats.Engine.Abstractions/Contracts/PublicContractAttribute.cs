namespace OrderEats.Engine.Contracts;

/// <summary>
/// The message is part of the published contract: outside senders may send it (a command) or subscribe to it (an event), and replies of this
/// type reach outside senders. Listed as public in the generated AsyncAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Enum, Inherited = false)]
public sealed class PublicContractAttribute : Attribute
{
}
