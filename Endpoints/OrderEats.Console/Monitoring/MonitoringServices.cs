using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Security;
using OrderEats.Console.Web.Api;
using OrderEats.Console.Web.Pages;

namespace OrderEats.Console.Monitoring;

/// <summary>Registers and maps the saga audit, order view, heartbeats and metrics parts of the console.</summary>
internal static class MonitoringServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => MonitoringOptions.FromConfiguration(configuration, sp.GetRequiredService<ConsoleOptions>()));
        services.AddSingleton<SagaStore>();
        services.AddSingleton<EndpointRegistry>();
        services.AddSingleton<MonitoringIngestion>();
        services.AddSingleton<TimeoutCanceller>();
        services.AddSingleton<MonitoringReceiver>();
        services.AddSingleton<HeartbeatMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<MonitoringReceiver>());
        services.AddHostedService(sp => sp.GetRequiredService<HeartbeatMonitor>());
    }

    public static void Map(RouteGroupBuilder pages, RouteGroupBuilder api)
    {
        var read = pages.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Readers);
        read.MapGet("/sagas", SagaPages.List);
        read.MapGet("/sagas/{id}", SagaPages.Detail);
        read.MapGet("/endpoints", EndpointPages.List);
        var operate = pages.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Operators).AddEndpointFilter<AntiforgeryCheck>();
        operate.MapPost("/sagas/{id}/timeouts/{timeoutId}/cancel", SagaPages.Cancel);
        MonitoringApi.Map(api);
    }
}
