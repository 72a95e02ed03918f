using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages.Commands;
using OrderEats.Notifications.Channel;
using OrderEats.Notifications.Handlers;
using OrderEats.Notifications.Log;
using OrderEats.ServiceDefaults;

namespace OrderEats.Notifications;

/// <summary>The Notifications endpoint: subscribes to OrderConfirmed, OrderReady and OrderCancelled and tells the customer once for each.</summary>
public static class NotificationsService
{
    /// <summary>The endpoint's name and queue.</summary>
    public const string EndpointName = "notifications";

    /// <summary>The configuration section of <see cref="NotificationsOptions"/>.</summary>
    public const string Section = "Notifications";

    /// <summary>
    /// Registers the options (section "Notifications"), the <see cref="SimulatedNotificationChannel"/> and <see cref="NotificationLog"/> singletons and
    /// the endpoint on its own database. <paramref name="customize"/> may adjust the endpoint configuration last (tests: retry delays, extra handlers).
    /// </summary>
    public static IServiceCollection AddNotificationsService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        services.AddOptions<NotificationsOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.IsValid, $"{Section}: TransientFailureRate must be between 0 and 1 and Latency must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<SimulatedNotificationChannel>();
        services.AddSingleton<NotificationSender>();

        var database = EndpointDatabase.For(infrastructure, "notifications");
        services.AddSingleton(new NotificationLog(database));

        var endpoint = new EndpointConfiguration(EndpointName)
            .UseInfrastructure(infrastructure, database, NotificationSchema.Migrations)
            .AddHandlersFromAssembly(typeof(NotificationsService).Assembly)
            .AddMessageTypesFromAssembly(typeof(PlaceOrder).Assembly);
        customize?.Invoke(endpoint);
        return services.AddOrderEatsEndpoint(endpoint);
    }
}
