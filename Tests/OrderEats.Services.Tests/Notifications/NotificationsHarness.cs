using System.Globalization;
using OrderEats.Engine;
using OrderEats.Notifications;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Notifications;

public static class NotificationsHarness
{
    public static Task<ServiceHarness> Start(TestPersistence persistence, double transientFailureRate = 0) => ServiceHarness.Start(
        persistence,
        (services, configuration, infrastructure, customize) => services.AddNotificationsService(configuration, infrastructure, customize),
        new Dictionary<string, string?> { ["Notifications:TransientFailureRate"] = transientFailureRate.ToString(CultureInfo.InvariantCulture) },
        configuration => configuration.AddHandler<OrderEventProbe>());

    /// <summary>Publishes <paramref name="orderEvent"/> (a new message id each time) and waits until notifications committed it <paramref name="times"/> times in all.</summary>
    public static async Task PublishAndWait(this ServiceHarness harness, object orderEvent, Guid orderId, int times = 1)
    {
        var type = orderEvent.GetType().Name;
        await harness.Orders.Publish(orderEvent);
        await harness.Inbox.WaitFor<Probed>(p => p.OrderId == orderId && p.MessageType == type, times);
    }
}
