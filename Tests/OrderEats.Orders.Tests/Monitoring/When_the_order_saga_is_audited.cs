using OrderEats.Messages.Replies;
using static OrderEats.Orders.Tests.Monitoring.AuditedOrder;

namespace OrderEats.Orders.Tests.Monitoring;

// Every path of DESIGN §2, as the console's audit sees it: what came in, the status before → after, what went out, and the timeouts.
[TestFixture]
public class When_the_order_saga_is_audited
{
    private AuditedOrdersApp app = null!;

    [OneTimeSetUp]
    public async Task Start() => app = await AuditedOrdersApp.Start("00:05:00", "00:10:00");

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_record_start_payment_and_kitchen_until_completed()
    {
        var order = await app.Place();
        await app.Audit.WaitFor(order, 1);
        await app.Reply(new PaymentCharged(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        await app.Audit.WaitFor(order, 2);
        await app.Reply(new OrderAccepted(order));
        await app.Audit.WaitFor(order, 3);
        await app.Reply(new OrderPrepared(order));
        var records = await app.Audit.WaitFor(order, 4);

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(Incoming), Is.EqualTo(new[] { "StartOrder", "PaymentCharged", "OrderAccepted", "OrderPrepared" }));
            Assert.That(records.Select(Transition), Is.EqualTo(new[] { "(new)->Submitted", "Submitted->Paid", "Paid->Accepted", "Accepted->Completed (completed)" }));
            Assert.That(Outgoing(records[0]), Is.EqualTo(new[] { "ChargePayment", "OrderStatusChanged", "timeout PaymentTimeout" }));
            Assert.That(Pending(records[0]), Is.EqualTo(new[] { "PaymentTimeout" }));
            Assert.That(Outgoing(records[1]), Is.EqualTo(new[] { "OrderStatusChanged", "PrepareOrder", "timeout KitchenTimeout" }));
            Assert.That(Cancelled(records[1]), Is.EqualTo(new[] { "PaymentTimeout" }));
            Assert.That(Outgoing(records[2]), Is.EqualTo(new[] { "OrderConfirmed", "OrderStatusChanged" }));
            Assert.That(Cancelled(records[2]), Is.EqualTo(new[] { "KitchenTimeout" }));
            Assert.That(Outgoing(records[3]), Is.EqualTo(new[] { "OrderReady", "OrderStatusChanged", "OrderStatusChanged" }));
            Assert.That(Pending(records[3]), Is.Empty);
        });
    }

    [Test]
    public async Task Should_record_a_declined_payment_cancelling_the_order()
    {
        var order = await app.Place();
        await app.Audit.WaitFor(order, 1);
        await app.Reply(new PaymentDeclined(order, "card limit"));
        var records = await app.Audit.WaitFor(order, 2);

        Assert.Multiple(() =>
        {
            Assert.That(Transition(records[1]), Is.EqualTo("Submitted->Cancelled (completed)"));
            Assert.That(Outgoing(records[1]), Is.EqualTo(new[] { "OrderCancelled", "OrderStatusChanged" }));
        });
    }

    [Test]
    public async Task Should_record_a_kitchen_rejection_its_refund_and_the_cancel()
    {
        var order = await app.Place();
        await app.Audit.WaitFor(order, 1);
        await app.Reply(new PaymentCharged(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        await app.Audit.WaitFor(order, 2);
        await app.Reply(new OrderRejected(order, "out of noodles"));
        await app.Audit.WaitFor(order, 3);
        await app.Reply(new PaymentRefunded(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        var records = await app.Audit.WaitFor(order, 4);

        Assert.Multiple(() =>
        {
            Assert.That(records.Skip(2).Select(Transition), Is.EqualTo(new[] { "Paid->Paid", "Paid->Cancelled (completed)" }));
            Assert.That(Outgoing(records[2]), Is.EqualTo(new[] { "RefundPayment" }));
            Assert.That(Cancelled(records[2]), Is.EqualTo(new[] { "KitchenTimeout" }));
            Assert.That(Outgoing(records[3]), Is.EqualTo(new[] { "OrderCancelled", "OrderStatusChanged" }));
        });
    }

    [Test]
    public async Task Should_record_a_customer_cancel_settled_by_a_refund_of_the_charge()
    {
        var order = await app.Place();
        await app.Audit.WaitFor(order, 1);
        await app.CancelByCustomer(order);
        await app.Audit.WaitFor(order, 2);
        await app.Reply(new PaymentCharged(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        await app.Audit.WaitFor(order, 3);
        await app.Reply(new PaymentRefunded(order, Guid.NewGuid(), AuditedOrdersApp.Amount));
        var records = await app.Audit.WaitFor(order, 4);

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(Incoming), Is.EqualTo(new[] { "StartOrder", "CancelOrder", "PaymentCharged", "PaymentRefunded" }));
            Assert.That(records.Skip(1).Select(Transition), Is.EqualTo(new[] { "Submitted->Submitted", "Submitted->Paid", "Paid->Cancelled (completed)" }));
            Assert.That(Outgoing(records[1]), Is.Empty);
            Assert.That(Outgoing(records[2]), Is.EqualTo(new[] { "OrderStatusChanged", "RefundPayment" }));
        });
    }

    [Test]
    public async Task Should_record_a_duplicate_as_handled_without_change_or_messages()
    {
        var order = await app.Place();
        await app.Audit.WaitFor(order, 1);
        var charged = new PaymentCharged(order, Guid.NewGuid(), AuditedOrdersApp.Amount);
        await app.Reply(charged);
        await app.Audit.WaitFor(order, 2);
        await app.Reply(charged);
        var records = await app.Audit.WaitFor(order, 3);

        Assert.Multiple(() =>
        {
            Assert.That(Transition(records[2]), Is.EqualTo("Paid->Paid"));
            Assert.That(records[2].GetProperty("stateAfter").GetString(), Is.EqualTo(records[2].GetProperty("stateBefore").GetString()));
            Assert.That(Outgoing(records[2]), Is.Empty);
        });
    }
}
