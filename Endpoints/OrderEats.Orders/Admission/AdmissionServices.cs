using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.ServiceDefaults.Health;

namespace OrderEats.Orders.Admission;

/// <summary>Registers the admission gate (section "Orders:Admission"), its sampler, the POST /orders filter and its line in /health/ready.</summary>
internal static class AdmissionServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration, OrdersOptions orders)
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
    }
}
