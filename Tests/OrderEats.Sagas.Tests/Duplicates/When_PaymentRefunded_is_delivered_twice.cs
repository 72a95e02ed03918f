namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_PaymentRefunded_is_delivered_twice
{
    [Test]
    public async Task Should_not_notify_the_customer_twice()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        await scenario.Rejected();
        await scenario.Refunded();
        var duplicate = await scenario.Refunded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(duplicate.SagaNotFound, Is.True);
            Assert.That(duplicate.PublishedMessages, Is.Empty);
        }
    }

    [Test]
    public async Task Should_ignore_a_refund_the_saga_did_not_ask_for()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        var refunded = await scenario.Refunded();
        Outcome.AssertNothingHappened(refunded);
    }
}
