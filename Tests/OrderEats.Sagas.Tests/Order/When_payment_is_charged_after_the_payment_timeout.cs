using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;

namespace OrderEats.Sagas.Tests.Order;

// DESIGN §2 "late reply": money is never kept for a cancelled order.
[TestFixture]
public class When_payment_is_charged_after_the_payment_timeout
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task ChargeLate()
    {
        scenario = new OrderScenario();
        await scenario.Place();
        await scenario.PaymentTimesOut();
        result = await scenario.Charged();
    }

    [Test]
    public void Should_refund_the_late_charge() =>
        Assert.That(result.Sent<object>(), Is.EqualTo(new object[] { new RefundPayment(scenario.OrderId, scenario.Total, "Payment was not confirmed within 00:05:00") }));

    [Test]
    public void Should_not_send_the_order_to_the_kitchen() => Assert.That(result.Sent<PrepareOrder>(), Is.Empty);

    [Test]
    public void Should_not_announce_the_cancellation_again()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.PublishedMessages, Is.Empty);
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Cancelled));
        }
    }

    [Test]
    public async Task Should_complete_when_the_refund_is_confirmed()
    {
        var refunded = await scenario.Refunded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refunded.Completed, Is.True);
            Assert.That(refunded.PublishedMessages, Is.Empty);
            Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);
        }
    }

    [Test]
    public async Task Should_refund_only_once_when_the_late_charge_is_delivered_twice()
    {
        var duplicate = await scenario.Charged();
        Outcome.AssertNothingHappened(duplicate);
    }
}
