using OrderEats.Console;
using OrderEats.Kitchen;
using OrderEats.Notifications;
using OrderEats.Orders;
using OrderEats.Payments;
using OrderEats.ServiceDefaults;

namespace OrderEats.Host;

/// <summary>Puts every service into one web application: the same definitions each service's own process runs (<see cref="ServiceProcess"/>).</summary>
internal static class Composition
{
    public static readonly string[] EndpointNames = [Messages.EndpointNames.Orders, Messages.EndpointNames.Payments, Messages.EndpointNames.Kitchen, Messages.EndpointNames.Notifications];

    /// <summary>Builds the application; <paramref name="withConsole"/> adds the failed-message console (not in the demo, which counts the error queue itself).</summary>
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>> overrides, Action<WebApplicationBuilder>? configure = null, bool withConsole = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides);
        configure?.Invoke(builder);
        if (withConsole && builder.Configuration["OrderEats:Console:Queue"] is null && builder.Configuration["ORDEREATS_CONSOLE_QUEUE"] is null)
        {
            // The console runs here too: the services report heartbeats, metrics and saga audit to it.
            builder.Configuration.AddInMemoryCollection([new("OrderEats:Console:Queue", Messages.EndpointNames.Console)]);
        }

        builder.Services.AddSingleton(new HostInfrastructure(InfrastructureOptions.FromConfiguration(builder.Configuration)));
        ServiceDefinition[] services = [OrdersService.Definition, PaymentsService.Definition, KitchenService.Definition, NotificationsService.Definition];
        // The console before Orders: the API's bearer/API-key scheme must stay the default one; the console names its cookie scheme itself.
        return ServiceProcess.Build(builder, withConsole ? [ConsoleService.Definition, .. services] : services);
    }
}
