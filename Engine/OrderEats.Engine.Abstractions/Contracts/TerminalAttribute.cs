namespace OrderEats.Engine.Contracts;

/// <summary>An enum value that is a final state: once reached it never changes. Listed in the generated AsyncAPI document.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class TerminalAttribute : Attribute
{
}
