using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_the_gateway_fails_transiently(TestPersistence persistence)
{
    private const int OrderCount = 20;

    [Test]
    public async Task Should_still_charge_every_order_exactly_once_through_retries()
    {
        await using var harness = await PaymentsHarness.Start(persistence, transientFailureRate: 0.5);
        var orderIds = Enumerable.Range(0, OrderCount).Select(_ => Guid.NewGuid()).ToHashSet();

        await Task.WhenAll(orderIds.Select(id => harness.Send(new ChargePayment(id, Guid.NewGuid(), TestData.Eur(10m)))));
        var replies = await harness.Inbox.WaitFor<PaymentCharged>(r => orderIds.Contains(r.OrderId), count: OrderCount);
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => orderIds.Contains(x.OrderId)).ToList();
        var gateway = harness.Service<PaymentGateway>();

        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.OrderId), Is.EquivalentTo(orderIds), "one reply per order");
            Assert.That(ledger.Where(e => e.Kind == LedgerKind.Charge).Select(e => e.OrderId), Is.EquivalentTo(orderIds), "one charge per order");
            Assert.That(ledger, Has.Count.EqualTo(OrderCount));
            Assert.That(gateway.TransientFailures, Is.GreaterThan(0), "a rate of 0.5 over 20 orders fails at least once (p = 1 - 2^-20)");
            Assert.That(gateway.Calls, Is.EqualTo(OrderCount + gateway.TransientFailures));
            Assert.That(harness.FailedMessages, Is.Empty);
        });
    }
}
