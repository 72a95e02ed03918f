using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_payment_is_declined
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Decline()
    {
        scenario = new OrderScenario();
        await scenario.Place();
        result = await scenario.Declined("Card expired");
    }

    [Test]
    public void Should_cancel_the_order()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(result.Published<OrderStatusChanged>().Single().Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(result.Published<OrderStatusChanged>().Single().Reason, Is.EqualTo("Payment declined: Card expired"));
        }
    }

    [Test]
    public void Should_tell_the_customer_with_the_reason_and_no_refund() =>
        Assert.That(result.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, "Payment declined: Card expired", Refunded: false) }));

    [Test]
    public void Should_send_nothing() => Assert.That(result.SentMessages, Is.Empty);

    [Test]
    public async Task Should_complete_the_saga()
    {
        var fired = await scenario.Saga.AdvanceTime(OrderScenario.PaymentTimeout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Completed, Is.True);
            Assert.That(scenario.Data, Is.Null);
            Assert.That(fired, Is.Empty, "the payment timeout of a completed saga must not fire");
        }
    }
}
