namespace OrderEats.Engine.Contracts;

/// <summary>The command is never answered; <see cref="Outcome"/> says where the sender learns what became of it.</summary>
/// <param name="outcome">Where the outcome shows (events, an HTTP resource).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAnsweredAttribute(string outcome) : Attribute
{
    /// <summary>Where the outcome shows.</summary>
    public string Outcome { get; } = outcome;
}
