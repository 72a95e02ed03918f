namespace OrderEats.Engine.Recoverability;

/// <summary>The message could not be turned into a known type: an unknown contract name, a body that does not parse, or headers the transport could not read. Unrecoverable by default.</summary>
public sealed class MessageDeserializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageDeserializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public MessageDeserializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
