using OrderEats.Console;
using OrderEats.Engine.Hosting;
using OrderEats.Kitchen;
using OrderEats.Notifications;
using OrderEats.Orders;
using OrderEats.Payments;
using OrderEats.ServiceDefaults;

namespace OrderEats.Host;

/// <summary>Puts every service into one web application: the same registrations each service's own process makes.</summary>
internal static class Composition
{
    public static readonly string[] EndpointNames = [OrdersService.EndpointName, PaymentsService.EndpointName, KitchenService.EndpointName, NotificationsService.EndpointName];

    /// <summary>Builds the application; <paramref name="withConsole"/> adds the failed-message console (not in the demo, which counts the error queue itself).</summary>
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>> overrides, Action<WebApplicationBuilder>? configure = null, bool withConsole = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides);
        configure?.Invoke(builder);
        if (withConsole && builder.Configuration["OrderEats:Console:Queue"] is null && builder.Configuration["ORDEREATS_CONSOLE_QUEUE"] is null)
        {
            // The console runs here too: the services report heartbeats, metrics and saga audit to it.
            builder.Configuration.AddInMemoryCollection([new("OrderEats:Console:Queue", "console")]);
        }

        var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
        builder.AddServiceDefaults(infrastructure, "orders", "payments", "kitchen", "notifications");
        builder.Services.AddSingleton(new HostInfrastructure(infrastructure));
        if (withConsole)
        {
            // Before Orders: the API's bearer/API-key scheme must stay the default one; the console names its cookie scheme itself.
            ConsoleService.AddConsoleService(builder.Services, builder.Configuration, infrastructure);
        }

        builder.Services.AddOrdersService(builder.Configuration, infrastructure);
        builder.Services.AddPaymentsService(builder.Configuration, infrastructure);
        builder.Services.AddKitchenService(builder.Configuration, infrastructure);
        builder.Services.AddNotificationsService(builder.Configuration, infrastructure);

        var app = builder.Build();
        app.UseOrdersEdge();
        app.MapOrdersApi();
        app.MapKitchenApi();
        if (withConsole)
        {
            ConsoleService.MapConsole(app);
        }
        app.MapGet("/health", (IServiceProvider services) =>
        {
            var down = EndpointNames.Where(name => services.GetRequiredKeyedService<StartedEndpoint>(name).Instance is null).ToList();
            return down.Count == 0
                ? Results.Ok(new { status = "ok", endpoints = EndpointNames })
                : Results.Json(new { status = "starting", waiting = down }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
