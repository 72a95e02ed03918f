using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_a_refund_is_requested(TestPersistence persistence)
{
    [Test]
    public async Task Should_refund_once_even_when_sent_twice()
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = await Charged(harness, 30m);

        var refund = new RefundPayment(orderId, TestData.Eur(30m), "Kitchen rejected the order");
        await Task.WhenAll(harness.Send(refund), harness.Send(refund));
        var replies = await harness.Inbox.WaitFor<PaymentRefunded>(r => r.OrderId == orderId, count: 2);
        var refunds = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).Where(e => e.Kind == LedgerKind.Refund).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(replies[1], Is.EqualTo(replies[0]), "the repeat answers with the stored refund");
            Assert.That(replies[0].Amount, Is.EqualTo(TestData.Eur(30m)));
            Assert.That(refunds, Has.Count.EqualTo(1));
            Assert.That(refunds[0].EntryId, Is.EqualTo(replies[0].RefundId));
        });
    }

    [Test]
    public async Task Should_never_refund_more_than_the_charge()
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = await Charged(harness, 30m);

        await harness.Send(new RefundPayment(orderId, TestData.Eur(500m), "Too generous"));
        var reply = (await harness.Inbox.WaitFor<PaymentRefunded>(r => r.OrderId == orderId)).Single();
        var refund = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).Single(e => e.Kind == LedgerKind.Refund);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Amount, Is.EqualTo(TestData.Eur(30m)));
            Assert.That(refund.Amount, Is.EqualTo(30m));
        });
    }

    private static async Task<Guid> Charged(ServiceHarness harness, decimal amount)
    {
        var orderId = Guid.NewGuid();
        await harness.Send(new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(amount)));
        await harness.Inbox.WaitFor<PaymentCharged>(r => r.OrderId == orderId);
        return orderId;
    }
}
