namespace OrderEats.Orders.Handlers;

/// <summary>A <c>StartOrder</c> for an order that has ended already (a late duplicate): it is discarded, so that no second saga starts for the order.</summary>
public sealed class StaleStartOrderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StaleStartOrderException()
        : this("The order has ended; StartOrder is a late duplicate.")
    {
    }

    /// <summary>Creates the exception with a message naming the order and its status.</summary>
    public StaleStartOrderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StaleStartOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
