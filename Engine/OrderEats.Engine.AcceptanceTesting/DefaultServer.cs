namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>
/// The default endpoint setup of scenarios, as in NServiceBus's acceptance tests: no immediate and no delayed retries (a failure goes straight
/// to the error queue unless the scenario asks for retries), delayed retries 100 ms apart without jitter when enabled, 5 s shutdown.
/// </summary>
public sealed class DefaultServer : IEndpointSetupTemplate
{
    /// <inheritdoc />
    public void Configure(EndpointConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.ShutdownTimeout = TimeSpan.FromSeconds(5);
        configuration.Recoverability.ImmediateRetries = 0;
        configuration.Recoverability.DelayedRetries = 0;
        configuration.Recoverability.DelayedRetryBase = TimeSpan.FromMilliseconds(100);
        configuration.Recoverability.JitterFraction = 0;
    }
}
