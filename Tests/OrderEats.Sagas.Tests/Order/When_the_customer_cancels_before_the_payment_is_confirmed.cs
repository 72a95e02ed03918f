using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_customer_cancels_before_the_payment_is_confirmed
{
    private const string Reason = "Cancelled by the customer: Too slow";
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Cancel()
    {
        scenario = new OrderScenario();
        await scenario.Place();
        result = await scenario.CancelledByCustomer("Too slow");
    }

    [Test]
    public void Should_wait_for_the_payment_outcome()
    {
        Outcome.AssertNothingHappened(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Submitted));
            Assert.That(result.SagaDataSnapshot.CancelRequested, Is.True);
        }
    }

    [Test]
    public async Task Should_cancel_without_a_refund_when_the_payment_is_declined()
    {
        var declined = await scenario.Declined();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(declined.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, Reason, Refunded: false) }));
            Assert.That(declined.SentMessages, Is.Empty);
            Assert.That(declined.Completed, Is.True);
        }
    }

    [Test]
    public async Task Should_refund_instead_of_preparing_when_the_payment_is_charged()
    {
        var charged = await scenario.Charged();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(charged.Sent<object>(), Is.EqualTo(new object[] { new RefundPayment(scenario.OrderId, scenario.Total, Reason) }));
            Assert.That(charged.TimeoutMessages, Is.Empty, "no kitchen timeout for an order that is not sent to the kitchen");
            Assert.That(charged.Published<OrderCancelled>(), Is.Empty, "cancelled only once the refund is confirmed");
            Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);
        }
    }

    [Test]
    public async Task Should_cancel_with_a_refund_once_the_refund_is_confirmed()
    {
        await scenario.Charged();
        var refunded = await scenario.Refunded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refunded.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, Reason, Refunded: true) }));
            Assert.That(refunded.Completed, Is.True);
        }
    }

    [Test]
    public async Task Should_cancel_when_the_payment_times_out()
    {
        var timedOut = await scenario.PaymentTimesOut();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(timedOut.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, Reason, Refunded: false) }));
            Assert.That(timedOut.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Cancelled));
        }
    }
}
