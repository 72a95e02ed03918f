using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_a_refund_has_no_charge(TestPersistence persistence)
{
    [Test]
    public async Task Should_reply_PaymentRefunded_with_nothing_refunded_and_record_nothing()
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = Guid.NewGuid();

        await harness.Send(new RefundPayment(orderId, TestData.Eur(30m), "Never charged"));
        var reply = (await harness.Inbox.WaitFor<PaymentRefunded>(r => r.OrderId == orderId)).Single();

        Assert.Multiple(async () =>
        {
            Assert.That(reply.Amount, Is.EqualTo(TestData.Eur(0m)));
            Assert.That(reply.RefundId, Is.EqualTo(Guid.Empty));
            Assert.That((await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList(), Is.Empty);
        });
    }

    [Test]
    public async Task Should_reply_PaymentRefunded_with_nothing_refunded_for_a_declined_order()
    {
        await using var harness = await PaymentsHarness.Start(persistence, declineRate: 1);
        var orderId = Guid.NewGuid();
        await harness.Send(new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(30m)));
        await harness.Inbox.WaitFor<PaymentDeclined>(r => r.OrderId == orderId);

        await harness.Send(new RefundPayment(orderId, TestData.Eur(30m), "Declined anyway"));
        var reply = (await harness.Inbox.WaitFor<PaymentRefunded>(r => r.OrderId == orderId)).Single();

        Assert.Multiple(async () =>
        {
            Assert.That(reply.Amount.Amount, Is.Zero);
            Assert.That((await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).Select(e => e.Kind), Is.EqualTo(new[] { LedgerKind.Decline }));
        });
    }

    [Test]
    public async Task Should_still_refund_a_charge_made_afterwards()
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = Guid.NewGuid();
        await harness.Send(new RefundPayment(orderId, TestData.Eur(30m), "Too early"));
        await harness.Inbox.WaitFor<PaymentRefunded>(r => r.OrderId == orderId);

        await harness.Send(new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(30m)));
        await harness.Inbox.WaitFor<PaymentCharged>(r => r.OrderId == orderId);
        await harness.Send(new RefundPayment(orderId, TestData.Eur(30m), "Cancelled"));
        var replies = await harness.Inbox.WaitFor<PaymentRefunded>(r => r.OrderId == orderId, count: 2);
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.Amount.Amount), Is.EquivalentTo(new[] { 0m, 30m }));
            Assert.That(ledger.Select(e => (e.Kind, e.Amount)), Is.EquivalentTo(new[] { (LedgerKind.Charge, 30m), (LedgerKind.Refund, 30m) }));
        });
    }
}
