using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Console;
using OrderEats.Engine.Hosting;
using OrderEats.Kitchen;
using OrderEats.Notifications;
using OrderEats.Orders;
using OrderEats.Payments;
using OrderEats.ServiceDefaults;

namespace OrderEats.Security.Tests.Broker;

/// <summary>One OrderEats service registered as its Program does, on the infrastructure its settings name (its own broker account, its own database role).</summary>
public sealed class ServiceApp : IAsyncDisposable
{
    private ServiceApp(string service, WebApplication app)
    {
        Service = service;
        App = app;
    }

    public string Service { get; }

    public WebApplication App { get; }

    public static async Task<ServiceApp> Start(string service, IEnumerable<KeyValuePair<string, string?>> settings, ReadySignal? signal = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
        switch (service)
        {
            case "orders":
                builder.Services.AddOrdersService(builder.Configuration, infrastructure);
                break;
            case "payments":
                builder.Services.AddPaymentsService(builder.Configuration, infrastructure);
                break;
            case "kitchen":
                builder.Services.AddKitchenService(builder.Configuration, infrastructure);
                break;
            case "notifications":
                builder.Services.AddSingleton(signal ?? new ReadySignal());
                builder.Services.AddNotificationsService(builder.Configuration, infrastructure, endpoint => endpoint.AddHandler<OrderReadyProbe>());
                break;
            default:
                ConsoleService.AddConsoleService(builder.Services, builder.Configuration, infrastructure);
                break;
        }

        var app = builder.Build();
        if (service == "orders")
        {
            app.UseOrderEatsEdge();
            app.MapOrdersApi();
        }

        await app.StartAsync();
        await Task.WhenAll(app.Services.GetServices<StartedEndpoint>().Select(e => e.WhenStarted())).WaitAsync(TimeSpan.FromMinutes(2));
        return new ServiceApp(service, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
