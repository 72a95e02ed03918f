using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_kitchen_accepts_the_order
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Accept()
    {
        scenario = await new OrderScenario().PlacedAndPaid();
        result = await scenario.Accepted();
    }

    [Test]
    public void Should_confirm_the_order()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Published<OrderConfirmed>(), Is.EqualTo(new[] { new OrderConfirmed(scenario.OrderId, scenario.CustomerId, scenario.RestaurantId, scenario.Total) }));
            Assert.That(result.StatusChanges(), Is.EqualTo(new[] { OrderStatus.Accepted }));
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Accepted));
            Assert.That(result.SentMessages, Is.Empty);
        }
    }

    [Test]
    public async Task Should_stop_the_kitchen_timer()
    {
        var fired = await scenario.Saga.AdvanceTime(OrderScenario.KitchenTimeout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Empty);
            Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);
        }
    }
}
