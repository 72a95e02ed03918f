namespace OrderEats.Engine.Contracts;

/// <summary>
/// The message is for the services alone: outside senders must not send it (the receiving service still refuses what cannot be right). Listed as
/// internal in the generated AsyncAPI document so that subscribers can follow the flow.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InternalContractAttribute : Attribute
{
}
