using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

[TestFixture]
public class When_the_customer_cancels_a_paid_order
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Cancel()
    {
        scenario = await new OrderScenario().PlacedAndPaid();
        result = await scenario.CancelledByCustomer("Ordered by mistake");
    }

    [Test]
    public void Should_refund_the_charge() =>
        Assert.That(result.Sent<object>(), Is.EqualTo(new object[] { new RefundPayment(scenario.OrderId, scenario.Total, "Cancelled by the customer: Ordered by mistake") }));

    [Test]
    public void Should_stop_waiting_for_the_kitchen() => Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);

    [Test]
    public async Task Should_cancel_with_a_refund_when_the_refund_is_confirmed()
    {
        var refunded = await scenario.Refunded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refunded.Published<OrderCancelled>(), Is.EqualTo(new[] { new OrderCancelled(scenario.OrderId, scenario.CustomerId, "Cancelled by the customer: Ordered by mistake", Refunded: true) }));
            Assert.That(refunded.Completed, Is.True);
        }
    }

    [Test]
    public async Task Should_ignore_a_kitchen_acceptance_that_crossed_the_cancel()
    {
        var accepted = await scenario.Accepted();
        var prepared = await scenario.Prepared();
        using (Assert.EnterMultipleScope())
        {
            Outcome.AssertNothingHappened(accepted);
            Outcome.AssertNothingHappened(prepared);
        }
    }
}
