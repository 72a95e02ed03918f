namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_OrderPrepared_is_delivered_twice
{
    [Test]
    public async Task Should_not_report_ready_twice()
    {
        var scenario = await new OrderScenario().PlacedPaidAndAccepted();
        await scenario.Prepared();
        var duplicate = await scenario.Prepared();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(duplicate.SagaNotFound, Is.True);
            Assert.That(duplicate.PublishedMessages, Is.Empty);
        }
    }
}
