using OrderEats.Messages.Events;
using OrderEats.Notifications;
using OrderEats.Notifications.Channel;
using OrderEats.Notifications.Log;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Notifications;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_an_event_is_published_twice(TestPersistence persistence)
{
    [Test]
    public async Task Should_deliver_once_when_the_duplicate_follows()
    {
        await using var harness = await NotificationsHarness.Start(persistence);
        var orderId = Guid.NewGuid();
        var confirmed = new OrderConfirmed(orderId, Guid.NewGuid(), Guid.NewGuid(), TestData.Eur(20m));

        await harness.PublishAndWait(confirmed, orderId);
        await harness.PublishAndWait(confirmed, orderId, times: 2);

        Assert.Multiple(async () =>
        {
            Assert.That(harness.Service<SimulatedNotificationChannel>().Deliveries[(orderId, NotificationKind.OrderConfirmed)], Is.EqualTo(1));
            Assert.That((await harness.Service<NotificationLog>().ReadAll()).Where(x => x.OrderId == orderId).ToList(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Should_deliver_once_when_both_arrive_together()
    {
        await using var harness = await NotificationsHarness.Start(persistence);
        var orderId = Guid.NewGuid();
        var cancelled = new OrderCancelled(orderId, Guid.NewGuid(), "Kitchen rejected the order", Refunded: true);

        await Task.WhenAll(harness.Orders.Publish(cancelled), harness.Orders.Publish(cancelled));
        await harness.Inbox.WaitFor<Probed>(p => p.OrderId == orderId, count: 2);

        Assert.Multiple(async () =>
        {
            Assert.That(harness.Service<SimulatedNotificationChannel>().Deliveries[(orderId, NotificationKind.OrderCancelled)], Is.EqualTo(1));
            Assert.That((await harness.Service<NotificationLog>().ReadAll()).Where(x => x.OrderId == orderId).ToList(), Has.Count.EqualTo(1));
        });
    }
}
