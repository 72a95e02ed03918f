using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.ServiceDefaults.Health;

namespace OrderEats.Orders.Admission;

/// <summary>
/// Registers the admission gate (section "Orders:Admission"), its sampler, the POST /orders filter and its line in /health/ready; returns the
/// condition the endpoint reports to the console, or null when the gate is off.
/// </summary>
internal static class AdmissionServices
{
    public static AdmissionCondition? Add(IServiceCollection services, IConfiguration configuration, OrdersOptions orders)
    {
        var options = new AdmissionOptions();
        configuration.GetSection(AdmissionOptions.Section).Bind(options);
        options.Validate();
        var gate = new AdmissionGate(options, orders);
        services.AddSingleton(options);
        services.AddSingleton(gate);
        services.AddSingleton<AdmissionFilter>();
        services.AddHostedService<AdmissionSampler>();
        services.AddSingleton<IReadinessReport>(new AdmissionReport(gate));
        return options.Enabled ? new AdmissionCondition(gate) : null;
    }
}
