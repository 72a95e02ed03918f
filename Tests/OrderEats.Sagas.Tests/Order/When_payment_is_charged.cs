using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_payment_is_charged
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Charge()
    {
        scenario = new OrderScenario();
        await scenario.Place();
        result = await scenario.Charged();
    }

    [Test]
    public void Should_mark_the_order_paid()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Paid));
            Assert.That(result.SagaDataSnapshot.ChargeId, Is.EqualTo(scenario.ChargeId));
            Assert.That(result.StatusChanges(), Is.EqualTo(new[] { OrderStatus.Paid }));
        }
    }

    [Test]
    public void Should_send_the_order_to_the_kitchen()
    {
        var prepare = result.Sent<PrepareOrder>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SentMessages, Has.Count.EqualTo(1));
            Assert.That(prepare, Has.Count.EqualTo(1));
            Assert.That(prepare[0].OrderId, Is.EqualTo(scenario.OrderId));
            Assert.That(prepare[0].RestaurantId, Is.EqualTo(scenario.RestaurantId));
            Assert.That(prepare[0].Lines, Is.EqualTo(scenario.Lines));
        }
    }

    [Test]
    public void Should_request_the_kitchen_timeout()
    {
        var pending = scenario.Saga.PendingTimeouts;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pending, Has.Count.EqualTo(1));
            Assert.That(pending[0].State, Is.InstanceOf<KitchenTimeout>());
            Assert.That(pending[0].Due, Is.EqualTo(OrderScenario.Start + OrderScenario.KitchenTimeout));
        }
    }

    [Test]
    public async Task Should_cancel_the_payment_timeout()
    {
        var fired = await scenario.Saga.AdvanceTime(OrderScenario.PaymentTimeout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Empty);
            Assert.That(scenario.Data!.Status, Is.EqualTo(OrderStatus.Paid));
        }
    }

    [Test]
    public void Should_not_announce_anything_to_the_customer_yet() =>
        Assert.That(result.PublishedMessages.Select(m => m.Message), Is.All.InstanceOf<OrderStatusChanged>());
}
