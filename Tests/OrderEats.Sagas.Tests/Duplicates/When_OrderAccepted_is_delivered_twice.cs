namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_OrderAccepted_is_delivered_twice
{
    [Test]
    public async Task Should_not_confirm_twice()
    {
        var scenario = await new OrderScenario().PlacedPaidAndAccepted();
        var duplicate = await scenario.Accepted();
        Outcome.AssertNothingHappened(duplicate);
    }
}
