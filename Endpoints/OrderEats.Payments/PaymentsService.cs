using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;
using OrderEats.ServiceDefaults;

namespace OrderEats.Payments;

/// <summary>The Payments endpoint: answers <see cref="ChargePayment"/> and <see cref="RefundPayment"/>, charging each order at most once and refunding it at most once.</summary>
public static class PaymentsService
{
    /// <summary>The configuration section of the simulated gateway (<see cref="PaymentGatewayOptions"/>).</summary>
    public const string GatewaySection = "Payments:Gateway";

    /// <summary>Failures in a row after which the endpoint is throttled while the gateway is down (default 5; 0 turns it off).</summary>
    public const string ThrottleAfterKey = "Payments:ThrottleAfterConsecutiveFailures";

    /// <summary>The pause before each attempt while throttled (default 00:00:01).</summary>
    public const string ThrottledDelayKey = "Payments:ThrottledDelay";

    /// <summary>The Payments process: the endpoint, no routes of its own.</summary>
    public static ServiceDefinition Definition { get; } = new(EndpointNames.Payments, (builder, infrastructure) => builder.Services.AddPaymentsService(builder.Configuration, infrastructure));

    /// <summary>
    /// Registers the gateway options (section "Payments:Gateway", checked at start), the <see cref="PaymentGateway"/> and
    /// <see cref="PaymentsLedger"/> singletons, and the endpoint on its own database. <paramref name="customize"/> may adjust the endpoint
    /// configuration last (tests: retry delays, extra handlers).
    /// </summary>
    public static IServiceCollection AddPaymentsService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<PaymentGatewayOptions>(
            configuration, GatewaySection, o => o.IsValid, $"{GatewaySection}: DeclineRate and TransientFailureRate must be between 0 and 1 and Latency must not be negative.");
        services.AddSingleton<PaymentGateway>();
        var ledger = EndpointDatabase.For(infrastructure, EndpointNames.Payments);
        services.AddSingleton(new PaymentsLedger(ledger));
        return services.AddServiceEndpoint(EndpointNames.Payments, infrastructure, ledger, LedgerSchema.Migrations, typeof(PaymentsService).Assembly, endpoint =>
        {
            endpoint.Recoverability.ThrottleAfterConsecutiveFailures = configuration.GetValue(ThrottleAfterKey, 5);
            endpoint.Recoverability.ThrottledDelay = configuration.GetValue(ThrottledDelayKey, TimeSpan.FromSeconds(1));
        }, customize);
    }
}
