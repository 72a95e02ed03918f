using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_order_is_prepared
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Prepare()
    {
        scenario = await new OrderScenario().PlacedPaidAndAccepted();
        result = await scenario.Prepared();
    }

    [Test]
    public void Should_tell_the_customer_it_is_ready() =>
        Assert.That(result.Published<OrderReady>(), Is.EqualTo(new[] { new OrderReady(scenario.OrderId, scenario.CustomerId) }));

    [Test]
    public void Should_complete_the_order()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.StatusChanges(), Is.EqualTo(new[] { OrderStatus.Ready, OrderStatus.Completed }));
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Completed));
            Assert.That(result.Completed, Is.True);
            Assert.That(scenario.Data, Is.Null);
            Assert.That(result.SentMessages, Is.Empty);
        }
    }

    [Test]
    public async Task Should_ignore_a_customer_cancel_arriving_afterwards()
    {
        var late = await scenario.CancelledByCustomer();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(late.SagaNotFound, Is.True);
            Assert.That(late.SentMessages, Is.Empty);
        }
    }
}
