using OrderEats.Messages.Events;
using OrderEats.Notifications;
using OrderEats.Notifications.Channel;
using OrderEats.Notifications.Log;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Notifications;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_the_channel_fails_transiently(TestPersistence persistence)
{
    private const int OrderCount = 20;

    [Test]
    public async Task Should_still_deliver_each_notification_exactly_once()
    {
        await using var harness = await NotificationsHarness.Start(persistence, transientFailureRate: 0.5);
        var orderIds = Enumerable.Range(0, OrderCount).Select(_ => Guid.NewGuid()).ToHashSet();

        await Task.WhenAll(orderIds.Select(id => harness.Orders.Publish(new OrderReady(id, Guid.NewGuid()))));
        await harness.Inbox.WaitFor<Probed>(p => orderIds.Contains(p.OrderId), count: OrderCount);
        var channel = harness.Service<SimulatedNotificationChannel>();
        var log = (await harness.Service<NotificationLog>().ReadAll()).Where(x => orderIds.Contains(x.OrderId)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(channel.Deliveries.Keys, Is.EquivalentTo(orderIds.Select(id => (id, NotificationKind.OrderReady))));
            Assert.That(channel.Deliveries.Values, Has.All.EqualTo(1));
            Assert.That(log.Select(n => n.OrderId), Is.EquivalentTo(orderIds));
            Assert.That(channel.TransientFailures, Is.GreaterThan(0), "a rate of 0.5 over 20 events fails at least once (p = 1 - 2^-20)");
            Assert.That(harness.FailedMessages, Is.Empty);
        });
    }
}
