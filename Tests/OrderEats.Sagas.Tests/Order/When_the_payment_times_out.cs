using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_payment_times_out
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task TimeOut()
    {
        scenario = new OrderScenario();
        await scenario.Place();
        result = await scenario.PaymentTimesOut();
    }

    [Test]
    public void Should_cancel_the_order_without_a_refund()
    {
        const string reason = "Payment was not confirmed within 00:05:00";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, reason, Refunded: false) }));
            Assert.That(result.Published<OrderStatusChanged>(), Is.EqualTo(new[] { new OrderStatusChanged(scenario.OrderId, OrderStatus.Cancelled, reason, OrderScenario.Start + OrderScenario.PaymentTimeout) }));
            Assert.That(result.SentMessages, Is.Empty);
        }
    }

    [Test]
    public void Should_keep_the_saga_for_late_replies()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Completed, Is.False);
            Assert.That(scenario.Data!.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(scenario.Saga.PendingTimeouts.Single().State, Is.InstanceOf<CancelledRetentionExpired>());
            Assert.That(scenario.Saga.PendingTimeouts.Single().Due, Is.EqualTo(OrderScenario.Start + OrderScenario.PaymentTimeout + OrderScenario.CancelledRetention));
        }
    }

    [Test]
    public async Task Should_complete_when_the_retention_expires()
    {
        var expired = await scenario.Saga.AdvanceTime(OrderScenario.CancelledRetention);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expired.Single().Completed, Is.True);
            Assert.That(expired.Single().PublishedMessages, Is.Empty, "the cancellation was announced already");
            Assert.That(scenario.Data, Is.Null);
        }
    }

    [Test]
    public async Task Should_complete_when_the_payment_is_declined_late()
    {
        var declined = await scenario.Declined();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(declined.Completed, Is.True);
            Assert.That(declined.PublishedMessages, Is.Empty);
            Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);
        }
    }

    [Test]
    public async Task Should_ignore_a_customer_cancel()
    {
        var cancel = await scenario.CancelledByCustomer();
        Outcome.AssertNothingHappened(cancel);
    }
}
