namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_PaymentDeclined_is_delivered_twice
{
    [Test]
    public async Task Should_not_notify_the_customer_twice()
    {
        var scenario = new OrderScenario();
        await scenario.Place();
        await scenario.Declined();
        var duplicate = await scenario.Declined();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(duplicate.SagaNotFound, Is.True);
            Assert.That(duplicate.PublishedMessages, Is.Empty);
        }
    }

    [Test]
    public async Task Should_ignore_a_decline_contradicting_a_charge()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        var declined = await scenario.Declined();
        Outcome.AssertNothingHappened(declined);
    }
}
