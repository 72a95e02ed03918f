using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_an_order_is_charged(TestPersistence persistence)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Test]
    public async Task Should_reply_PaymentCharged_and_record_one_charge()
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = Guid.NewGuid();

        await harness.Send(new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(19.99m)));
        var reply = (await harness.Inbox.WaitFor<PaymentCharged>(r => r.OrderId == orderId)).Single();
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reply.Amount, Is.EqualTo(TestData.Eur(19.99m)));
            Assert.That(ledger, Has.Count.EqualTo(1));
            Assert.That(ledger[0].OrderId, Is.EqualTo(orderId));
            Assert.That(ledger[0].Kind, Is.EqualTo(LedgerKind.Charge));
            Assert.That(ledger[0].EntryId, Is.EqualTo(reply.ChargeId));
            Assert.That(ledger[0].Amount, Is.EqualTo(19.99m));
            Assert.That(ledger[0].Currency, Is.EqualTo("EUR"));
            Assert.That(ledger[0].At, Is.EqualTo(Clock.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task Should_charge_once_and_repeat_the_same_reply_when_the_command_comes_again_with_a_new_message_id()
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = Guid.NewGuid();
        var charge = new ChargePayment(orderId, Guid.NewGuid(), TestData.Eur(25m));

        await Task.WhenAll(harness.Send(charge), harness.Send(charge));
        var replies = await harness.Inbox.WaitFor<PaymentCharged>(r => r.OrderId == orderId, count: 2);
        await harness.Send(charge);
        replies = await harness.Inbox.WaitFor<PaymentCharged>(r => r.OrderId == orderId, count: 3);
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(replies.Distinct().ToList(), Has.Count.EqualTo(1), "every reply names the same charge");
            Assert.That(ledger.Where(e => e.Kind == LedgerKind.Charge).ToList(), Has.Count.EqualTo(1));
            Assert.That(harness.Service<PaymentGateway>().Calls, Is.EqualTo(1), "repeats are answered from the ledger");
        });
    }
}
