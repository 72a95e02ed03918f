namespace OrderEats.Engine.Persistence;

/// <summary>Another message changed or created the same saga instance first; the message is retried and will see the winner's state.</summary>
public sealed class SagaConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SagaConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SagaConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
