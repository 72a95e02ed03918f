namespace OrderEats.Engine.Contracts;

/// <summary>The command is answered with exactly one of these replies, sent to the queue named in the command's reply-to address.</summary>
/// <param name="replies">The reply types.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnsweredWithAttribute(params Type[] replies) : Attribute
{
    /// <summary>The reply types.</summary>
    public IReadOnlyList<Type> Replies { get; } = replies;
}
