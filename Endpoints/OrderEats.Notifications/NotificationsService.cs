using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Notifications.Channel;
using OrderEats.Notifications.Handlers;
using OrderEats.Notifications.Log;
using OrderEats.ServiceDefaults;

namespace OrderEats.Notifications;

/// <summary>The Notifications endpoint: subscribes to OrderConfirmed, OrderReady and OrderCancelled and tells the customer once for each.</summary>
public static class NotificationsService
{
    /// <summary>
    /// Registers the options (section "Notifications", checked at start), the <see cref="SimulatedNotificationChannel"/> and
    /// <see cref="NotificationLog"/> singletons and the endpoint on its own database. <paramref name="customize"/> may adjust the endpoint
    /// configuration last (tests: retry delays, extra handlers).
    /// </summary>
    public static IServiceCollection AddNotificationsService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? customize = null)
    {
        services.AddValidatedOptions<NotificationsOptions>(
            configuration, NotificationsOptions.Section, o => o.IsValid, $"{NotificationsOptions.Section}: TransientFailureRate must be between 0 and 1 and Latency must not be negative.");
        services.AddSingleton<SimulatedNotificationChannel>().AddSingleton<NotificationSender>();
        var log = EndpointDatabase.For(infrastructure, EndpointNames.Notifications);
        services.AddSingleton(new NotificationLog(log));
        return services.AddServiceEndpoint(
            EndpointNames.Notifications, infrastructure, log, NotificationSchema.Migrations, typeof(NotificationsService).Assembly, configure: null, customize);
    }

    /// <summary>The Notifications process: the endpoint, no routes of its own.</summary>
    public static ServiceDefinition Definition { get; } = new(
        EndpointNames.Notifications, (builder, infrastructure) => builder.Services.AddNotificationsService(builder.Configuration, infrastructure));
}
