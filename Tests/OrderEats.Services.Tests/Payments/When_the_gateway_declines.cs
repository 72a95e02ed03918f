using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_the_gateway_declines(TestPersistence persistence)
{
    [Test]
    public async Task Should_reply_PaymentDeclined_and_record_a_decline()
    {
        await using var harness = await PaymentsHarness.Start(persistence, declineRate: 1);
        var orderId = Guid.NewGuid();

        await harness.Send(new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(12m)));
        var reply = (await harness.Inbox.WaitFor<PaymentDeclined>(r => r.OrderId == orderId)).Single();
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reply.Reason, Is.Not.Empty);
            Assert.That(ledger.Select(e => (e.OrderId, e.Kind, e.Amount)), Is.EqualTo(new[] { (orderId, LedgerKind.Decline, 12m) }));
        });
    }

    [Test]
    public async Task Should_repeat_the_decline_without_charging_when_the_command_comes_again()
    {
        await using var harness = await PaymentsHarness.Start(persistence, declineRate: 1);
        var orderId = Guid.NewGuid();
        var charge = new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(12m));

        await harness.Send(charge);
        await harness.Inbox.WaitFor<PaymentDeclined>(r => r.OrderId == orderId);
        await harness.Send(charge);
        var replies = await harness.Inbox.WaitFor<PaymentDeclined>(r => r.OrderId == orderId, count: 2);
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(replies[1], Is.EqualTo(replies[0]));
            Assert.That(harness.Inbox.Received<PaymentCharged>(_ => true), Is.Empty);
            Assert.That(ledger.Select(e => e.Kind), Is.EqualTo(new[] { LedgerKind.Decline }));
            Assert.That(harness.Service<PaymentGateway>().Calls, Is.EqualTo(1));
        });
    }
}
