namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>A scenario's Done condition did not hold within its time; the message says what had happened by then.</summary>
public sealed class ScenarioTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public ScenarioTimeoutException(string message)
        : base(message)
    {
    }
}
