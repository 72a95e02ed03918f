using OrderEats.Engine;
using OrderEats.Engine.Testing;

namespace OrderEats.Sagas.Tests.Duplicates;

// The engine may deliver a timeout whose cancellation raced with it (or deliver it twice); the saga must ignore it in any later state.
[TestFixture]
public class When_a_timeout_fires_after_its_step_is_done
{
    [Test]
    public async Task Should_ignore_a_payment_timeout_once_paid()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        var saga = new OrderSaga { Data = scenario.Data! };
        var context = new TestableMessageHandlerContext();
        await ((IHandleTimeouts<PaymentTimeout>)saga).Timeout(new PaymentTimeout(), context);
        AssertNothingRecorded(saga, context);
    }

    [Test]
    public async Task Should_ignore_a_kitchen_timeout_once_accepted()
    {
        var scenario = await new OrderScenario().PlacedPaidAndAccepted();
        var saga = new OrderSaga { Data = scenario.Data! };
        var context = new TestableMessageHandlerContext();
        await ((IHandleTimeouts<KitchenTimeout>)saga).Timeout(new KitchenTimeout(), context);
        AssertNothingRecorded(saga, context);
    }

    [Test]
    public async Task Should_ignore_a_retention_timeout_while_the_order_is_active()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        var saga = new OrderSaga { Data = scenario.Data! };
        var context = new TestableMessageHandlerContext();
        await ((IHandleTimeouts<CancelledRetentionExpired>)saga).Timeout(new CancelledRetentionExpired(), context);
        AssertNothingRecorded(saga, context);
    }

    private static void AssertNothingRecorded(OrderSaga saga, TestableMessageHandlerContext context)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.SentMessages, Is.Empty);
            Assert.That(context.PublishedMessages, Is.Empty);
            Assert.That(context.TimeoutMessages, Is.Empty);
            Assert.That(saga.Completed, Is.False);
        }
    }
}
