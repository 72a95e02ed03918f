using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_an_order_is_placed
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Place()
    {
        scenario = new OrderScenario();
        result = await scenario.Place();
    }

    [Test]
    public void Should_record_the_order()
    {
        var data = result.SagaDataSnapshot!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.OrderId, Is.EqualTo(scenario.OrderId));
            Assert.That(data.CustomerId, Is.EqualTo(scenario.CustomerId));
            Assert.That(data.RestaurantId, Is.EqualTo(scenario.RestaurantId));
            Assert.That(data.Lines, Is.EqualTo(scenario.Lines));
            Assert.That(data.Total, Is.EqualTo(scenario.Total));
            Assert.That(data.Status, Is.EqualTo(OrderStatus.Submitted));
            Assert.That(data.PlacedAt, Is.EqualTo(OrderScenario.Start));
            Assert.That(scenario.Data, Is.Not.Null, "the instance should be stored");
        }
    }

    [Test]
    public void Should_remember_who_placed_it()
    {
        var data = result.SagaDataSnapshot!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(data.Originator, Is.EqualTo("orders-api"));
            Assert.That(data.OriginalMessageId, Is.EqualTo("place-order-1"));
        }
    }

    [Test]
    public void Should_charge_the_customer_the_total() =>
        Assert.That(result.Sent<object>(), Is.EqualTo(new object[] { new ChargePayment(scenario.OrderId, scenario.CustomerId, scenario.Total) }));

    [Test]
    public void Should_request_the_payment_timeout()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.FindTimeoutMessage<PaymentTimeout>(), Is.Not.Null);
            Assert.That(result.TimeoutMessages.Single().Within, Is.EqualTo(OrderScenario.PaymentTimeout));
            Assert.That(scenario.Saga.PendingTimeouts.Single().Due, Is.EqualTo(OrderScenario.Start + OrderScenario.PaymentTimeout));
        }
    }

    [Test]
    public void Should_publish_that_the_order_was_submitted() =>
        Assert.That(result.Published<object>(), Is.EqualTo(new object[] { new OrderStatusChanged(scenario.OrderId, OrderStatus.Submitted, null, OrderScenario.Start) }));
}
