namespace OrderEats.Engine.Contracts;

/// <summary>The queue a command is sent to; documented in the generated AsyncAPI document (routing itself stays in the endpoint configuration).</summary>
/// <param name="queue">The destination queue, e.g. <c>orders</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DestinationAttribute(string queue) : Attribute
{
    /// <summary>The destination queue.</summary>
    public string Queue { get; } = queue;
}
