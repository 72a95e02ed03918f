namespace OrderEats.Orders.Validation;

/// <summary>A request to the catalog conflicts with what is stored (e.g. an email address registered already).</summary>
public sealed class RequestConflictException : Exception
{
    /// <summary>Creates the exception with a message that says what conflicts and how to proceed.</summary>
    public RequestConflictException(string message)
        : base(message)
    {
    }
}
