using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_kitchen_does_not_accept_in_time
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task TimeOut()
    {
        scenario = await new OrderScenario().PlacedAndPaid();
        result = await scenario.KitchenTimesOut();
    }

    [Test]
    public void Should_refund_the_charge() =>
        Assert.That(result.Sent<object>(), Is.EqualTo(new object[] { new RefundPayment(scenario.OrderId, scenario.Total, "Kitchen did not accept the order within 00:10:00") }));

    [Test]
    public async Task Should_cancel_with_a_refund_when_the_refund_is_confirmed()
    {
        var refunded = await scenario.Refunded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refunded.Published<OrderCancelled>().Single().Refunded, Is.True);
            Assert.That(refunded.Completed, Is.True);
        }
    }

    [Test]
    public async Task Should_ignore_an_acceptance_arriving_after_it()
    {
        var late = await scenario.Accepted();
        Outcome.AssertNothingHappened(late);
        Assert.That(late.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Paid));
    }
}
