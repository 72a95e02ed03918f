using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.ServiceDefaults.Health;

namespace OrderEats.Orders.Admission;

/// <summary>
/// Registers the admission gate (section "Orders:Admission"), its sampler, the POST /orders filter and its line in /health/ready; returns the
/// condition the endpoint reports to the console, or null when the gate is off.
/// </summary>
internal static class AdmissionServices
{
    public static Func<IServiceProvider, IEndpointCondition>? Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = new AdmissionOptions();
        configuration.GetSection(AdmissionOptions.Section).Bind(options);
        options.Validate();
        services.AddSingleton(options);
        // The default limit derives from the saga timeouts, which are validated when the host starts.
        services.AddSingleton(sp => new AdmissionGate(options, sp.GetRequiredService<OrdersOptions>()));
        services.AddSingleton<AdmissionFilter>();
        services.AddHostedService<AdmissionSampler>();
        services.AddSingleton<IReadinessReport>(sp => new AdmissionReport(sp.GetRequiredService<AdmissionGate>()));
        return options.Enabled ? sp => new AdmissionCondition(sp.GetRequiredService<AdmissionGate>()) : null;
    }
}
