namespace OrderEats.Engine.Contracts;

/// <summary>
/// The member's value is computed by the service, never taken from the sender. On a command it is optional: a value sent must equal what the
/// service computes, or the request is refused. Marked <c>x-computed</c> in the generated AsyncAPI document.
/// </summary>
/// <param name="from">What the service computes it from (e.g. "the restaurant's menu").</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class ComputedAttribute(string from) : Attribute
{
    /// <summary>What the service computes the value from.</summary>
    public string From { get; } = from;
}
