namespace OrderEats.Engine.Recoverability;

/// <summary>
/// The endpoint has no handler for the message's type: it was routed to the wrong queue, or the handler is not deployed here. Retrying on the same
/// endpoint cannot help, so it is unrecoverable by default; retry it from the error queue once the handler is deployed or the routing is fixed.
/// </summary>
public sealed class NoHandlerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoHandlerException()
        : this("The endpoint has no handler for the message.")
    {
    }

    /// <summary>Creates the exception with a message naming the endpoint, the type and the fix.</summary>
    public NoHandlerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NoHandlerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
