using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

/// <summary>
/// Defence in depth: whoever sends it, Payments refuses a ChargePayment that cannot be right — to the error queue on the first attempt with the
/// reason, with no ledger row and no gateway call.
/// </summary>
[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_a_charge_cannot_be_right(TestPersistence persistence)
{
    [TestCase(-19, "EUR", "must be positive")]
    [TestCase(0, "EUR", "must be positive")]
    [TestCase(12.5, "\"><img src=x>", "not an ISO 4217 code")]
    [TestCase(12.5, "XXX", "not an ISO 4217 code")]
    public async Task Should_refuse_it_without_a_ledger_row_or_a_gateway_call(decimal amount, string currency, string reason)
    {
        await using var harness = await PaymentsHarness.Start(persistence);
        var orderId = Guid.NewGuid();

        await harness.Send(new ChargePayment(orderId, Guid.NewGuid(), new Money(amount, currency)));
        var failed = await harness.NextFailure();
        var ledger = (await harness.Service<PaymentsLedger>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(MessageContractException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain(reason).And.Contain(orderId.ToString()));
            Assert.That(failed.Headers, Does.Not.ContainKey(Headers.DelayedRetries), "refused on the first attempt");
            Assert.That(ledger, Is.Empty);
            Assert.That(harness.Service<PaymentGateway>().Calls, Is.Zero);
        });
    }
}
