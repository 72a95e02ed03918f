using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests.Order;

// OrderAccepted can be overtaken by OrderPrepared when its first attempt failed and waits in a delayed retry.
[TestFixture]
public class When_the_order_is_prepared_before_its_acceptance_is_handled
{
    private OrderScenario scenario = null!;
    private SagaHandleResult<OrderSagaData> result = null!;

    [SetUp]
    public async Task Prepare()
    {
        scenario = await new OrderScenario().PlacedAndPaid();
        result = await scenario.Prepared();
    }

    [Test]
    public void Should_confirm_then_report_ready_and_complete()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.StatusChanges(), Is.EqualTo(new[] { OrderStatus.Accepted, OrderStatus.Ready, OrderStatus.Completed }));
            Assert.That(result.Published<OrderConfirmed>(), Has.Count.EqualTo(1));
            Assert.That(result.Published<OrderReady>(), Has.Count.EqualTo(1));
            Assert.That(result.Completed, Is.True);
        }
    }

    [Test]
    public async Task Should_ignore_the_late_acceptance()
    {
        var late = await scenario.Accepted();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(late.SagaNotFound, Is.True);
            Assert.That(late.PublishedMessages, Is.Empty);
        }
    }
}
