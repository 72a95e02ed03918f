using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderEats.Notifications.Channel;

/// <summary>
/// A simulated SMS/e-mail channel: waits <see cref="NotificationsOptions.Latency"/>, fails at <see cref="NotificationsOptions.TransientFailureRate"/>
/// before delivering, and otherwise counts the delivery per (order, kind) in memory and logs it. <see cref="Deliveries"/> is how a demo proves
/// each customer was told once.
/// </summary>
public sealed class SimulatedNotificationChannel
{
    private readonly ConcurrentDictionary<(Guid OrderId, string Kind), int> deliveries = new();
    private readonly IOptionsMonitor<NotificationsOptions> options;
    private readonly ILogger<SimulatedNotificationChannel> logger;
    private int transientFailures;

    /// <summary>Creates the channel reading <paramref name="options"/> on every call.</summary>
    public SimulatedNotificationChannel(IOptionsMonitor<NotificationsOptions> options, ILogger<SimulatedNotificationChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.logger = logger;
    }

    /// <summary>How many times each (order, kind) was delivered in this process; more than 1 would be a duplicate notification.</summary>
    public IReadOnlyDictionary<(Guid OrderId, string Kind), int> Deliveries => deliveries;

    /// <summary>Deliveries that failed transiently (and were retried).</summary>
    public int TransientFailures => Volatile.Read(ref transientFailures);

    /// <summary>Delivers <paramref name="notification"/>.</summary>
    /// <exception cref="NotificationChannelUnavailableException">The channel failed before delivering.</exception>
    public async Task Deliver(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var current = options.CurrentValue;
        if (current.Latency > TimeSpan.Zero)
        {
            await Task.Delay(current.Latency, cancellationToken);
        }

        if (Random.Shared.NextDouble() < current.TransientFailureRate)
        {
            Interlocked.Increment(ref transientFailures);
            throw new NotificationChannelUnavailableException(
                $"The notification channel failed before delivering {notification.Kind} for order {notification.OrderId} " +
                $"(simulated, Notifications:TransientFailureRate = {current.TransientFailureRate}). Nothing was sent; the event is retried.");
        }

        var count = deliveries.AddOrUpdate((notification.OrderId, notification.Kind), 1, (_, n) => n + 1);
        logger.LogInformation(
            "Notified customer {CustomerId} about order {OrderId} ({Kind}, delivery {Count}): {Text}",
            notification.CustomerId, notification.OrderId, notification.Kind, count, notification.Text);
    }
}
