namespace OrderEats.Payments.Gateway;

/// <summary>The simulated gateway did not answer; nothing was charged or refunded, so the message is retried.</summary>
public sealed class PaymentGatewayUnavailableException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PaymentGatewayUnavailableException(string message)
        : base(message)
    {
    }
}
