namespace OrderEats.Payments.Gateway;

/// <summary>How the simulated payment gateway behaves (configuration section "Payments:Gateway"). Read on every call, so a reloaded configuration applies at once.</summary>
public sealed class PaymentGatewayOptions
{
    /// <summary>The fraction of charges declined, 0 to 1 (default 0).</summary>
    public double DeclineRate { get; set; }

    /// <summary>The fraction of calls that fail with <see cref="PaymentGatewayUnavailableException"/> before doing anything, 0 to 1 (default 0); recoverability retries them.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>How long each call takes (default 0).</summary>
    public TimeSpan Latency { get; set; }

    internal bool IsValid => DeclineRate is >= 0 and <= 1 && TransientFailureRate is >= 0 and <= 1 && Latency >= TimeSpan.Zero;
}
