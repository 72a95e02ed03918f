namespace OrderEats.Engine;

/// <summary>
/// A message that can never be processed as it is: its body breaks the contract (a required member missing, null where the contract says
/// non-null, a value out of range, no correlation value) or a handler refuses it because it can never be right. Retrying cannot help, so it is
/// unrecoverable by default: the message goes to the error queue on its first failure, with this message saying what to fix.
/// </summary>
public sealed class MessageContractException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageContractException()
        : this("The message does not satisfy its contract.")
    {
    }

    /// <summary>Creates the exception with a message that names the member and says how to fix the sender.</summary>
    public MessageContractException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public MessageContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the members (JSON paths such as <c>lines[0].quantity</c>) that break the contract; they also travel in the failure headers.</summary>
    public MessageContractException(string message, IReadOnlyList<string> members)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
        Data["Members"] = string.Join(", ", members);
    }

    /// <summary>The members that break the contract, as JSON paths; empty when the failure is not about one member.</summary>
    public IReadOnlyList<string> Members { get; } = [];
}
