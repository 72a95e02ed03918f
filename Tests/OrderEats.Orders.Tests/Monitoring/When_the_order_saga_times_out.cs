using OrderEats.Messages.Replies;
using static OrderEats.Orders.Tests.Monitoring.AuditedOrder;

namespace OrderEats.Orders.Tests.Monitoring;

// The timeout paths of DESIGN §2, each on an app where only that timeout is short: the fired timeout is linked to the record that requested it.
[TestFixture]
public class When_the_order_saga_times_out
{
    [Test]
    public async Task Should_record_the_payment_timeout_and_the_refund_of_a_late_charge()
    {
        await using var app = await AuditedOrdersApp.Start("00:00:01", "00:10:00");
        var order = await app.Place();
        await app.Audit.WaitFor(order, 2);
        await app.Reply(new PaymentCharged(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        var records = await app.Audit.WaitFor(order, 3);

        Assert.Multiple(() =>
        {
            Assert.That(Incoming(records[1]), Is.EqualTo("PaymentTimeout"));
            Assert.That(Fired(records[1]), Is.EqualTo(RequestedTimeoutId(records[0])));
            Assert.That(Transition(records[1]), Is.EqualTo("Submitted->Cancelled"));
            Assert.That(Outgoing(records[1]), Is.EqualTo(new[] { "OrderCancelled", "OrderStatusChanged", "timeout CancelledRetentionExpired" }));
            Assert.That(Transition(records[2]), Is.EqualTo("Cancelled->Cancelled"));
            Assert.That(Outgoing(records[2]), Is.EqualTo(new[] { "RefundPayment" }), "money is never kept for a cancelled order");
        });
    }

    [Test]
    public async Task Should_record_the_kitchen_timeout_and_its_refund()
    {
        await using var app = await AuditedOrdersApp.Start("00:05:00", "00:00:01");
        var order = await app.Place();
        await app.Audit.WaitFor(order, 1);
        await app.Reply(new PaymentCharged(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        var records = await app.Audit.WaitFor(order, 3);

        Assert.Multiple(() =>
        {
            Assert.That(Incoming(records[2]), Is.EqualTo("KitchenTimeout"));
            Assert.That(Fired(records[2]), Is.EqualTo(RequestedTimeoutId(records[1])));
            Assert.That(Transition(records[2]), Is.EqualTo("Paid->Paid"));
            Assert.That(Outgoing(records[2]), Is.EqualTo(new[] { "RefundPayment" }));
            Assert.That(Pending(records[2]), Is.Empty);
        });
    }
}
