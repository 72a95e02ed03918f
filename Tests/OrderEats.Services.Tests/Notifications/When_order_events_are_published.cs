using OrderEats.Messages.Events;
using OrderEats.Notifications;
using OrderEats.Notifications.Channel;
using OrderEats.Notifications.Log;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Notifications;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_order_events_are_published(TestPersistence persistence)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Test]
    public async Task Should_notify_the_customer_once_per_event_type()
    {
        await using var harness = await NotificationsHarness.Start(persistence);
        var (orderId, customerId) = (Guid.NewGuid(), Guid.NewGuid());

        await harness.PublishAndWait(new OrderConfirmed(orderId, customerId, Guid.NewGuid(), TestData.Eur(20m)), orderId);
        await harness.PublishAndWait(new OrderReady(orderId, customerId), orderId);
        var cancelledOrder = Guid.NewGuid();
        await harness.PublishAndWait(new OrderCancelled(cancelledOrder, customerId, "Payment declined", Refunded: false), cancelledOrder);
        var deliveries = harness.Service<SimulatedNotificationChannel>().Deliveries;
        var log = (await harness.Service<NotificationLog>().ReadAll()).Where(x => x.CustomerId == customerId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(deliveries, Is.EquivalentTo(new Dictionary<(Guid, string), int>
            {
                [(orderId, NotificationKind.OrderConfirmed)] = 1,
                [(orderId, NotificationKind.OrderReady)] = 1,
                [(cancelledOrder, NotificationKind.OrderCancelled)] = 1,
            }));
            Assert.That(log.Select(n => (n.OrderId, n.Kind, n.CustomerId)), Is.EquivalentTo(new[]
            {
                (orderId, NotificationKind.OrderConfirmed, customerId),
                (orderId, NotificationKind.OrderReady, customerId),
                (cancelledOrder, NotificationKind.OrderCancelled, customerId),
            }));
            Assert.That(log.Select(n => n.SentAt), Has.All.EqualTo(Clock.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
        });
    }
}
