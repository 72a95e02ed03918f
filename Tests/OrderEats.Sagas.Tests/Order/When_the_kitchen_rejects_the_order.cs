using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_kitchen_rejects_the_order
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Reject()
    {
        scenario = await new OrderScenario().PlacedAndPaid();
        result = await scenario.Rejected("Closed for a private party");
    }

    [Test]
    public void Should_refund_the_charge() =>
        Assert.That(result.Sent<object>(), Is.EqualTo(new object[] { new RefundPayment(scenario.OrderId, scenario.Total, "Kitchen rejected the order: Closed for a private party") }));

    [Test]
    public void Should_not_cancel_before_the_refund_is_confirmed()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.PublishedMessages, Is.Empty);
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Paid));
            Assert.That(result.SagaDataSnapshot.RefundRequested, Is.True);
            Assert.That(result.Completed, Is.False);
        }
    }

    [Test]
    public void Should_stop_waiting_for_the_kitchen() => Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);

    [Test]
    public async Task Should_cancel_with_a_refund_when_the_refund_is_confirmed()
    {
        var refunded = await scenario.Refunded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refunded.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, "Kitchen rejected the order: Closed for a private party", Refunded: true) }));
            Assert.That(refunded.StatusChanges(), Is.EqualTo(new[] { OrderStatus.Cancelled }));
            Assert.That(refunded.SagaDataSnapshot!.RefundId, Is.EqualTo(scenario.RefundId));
            Assert.That(refunded.Completed, Is.True);
            Assert.That(refunded.SentMessages, Is.Empty);
        }
    }
}
