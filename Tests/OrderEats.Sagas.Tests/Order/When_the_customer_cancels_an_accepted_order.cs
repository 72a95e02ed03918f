using OrderEats.Engine.Testing;
using OrderEats.Messages;

namespace OrderEats.Sagas.Tests.Order;

// DESIGN §2 allows a customer cancel only before Accepted: from then on the kitchen is cooking, so the request is ignored.
[TestFixture]
public class When_the_customer_cancels_an_accepted_order
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Cancel()
    {
        scenario = await new OrderScenario().PlacedPaidAndAccepted();
        result = await scenario.CancelledByCustomer();
    }

    [Test]
    public void Should_ignore_it()
    {
        Outcome.AssertNothingHappened(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SagaDataSnapshot!.Status, Is.EqualTo(OrderStatus.Accepted));
            Assert.That(result.SagaDataSnapshot.CancelRequested, Is.False);
            Assert.That(result.SagaDataSnapshot.CancellationReason, Is.Null);
        }
    }

    [Test]
    public async Task Should_still_complete_when_the_order_is_prepared()
    {
        var prepared = await scenario.Prepared();
        Assert.That(prepared.Completed, Is.True);
    }
}
