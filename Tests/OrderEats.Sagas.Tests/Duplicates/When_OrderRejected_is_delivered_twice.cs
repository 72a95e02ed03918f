namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_OrderRejected_is_delivered_twice
{
    [Test]
    public async Task Should_not_refund_twice()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        await scenario.Rejected();
        var duplicate = await scenario.Rejected();
        Outcome.AssertNothingHappened(duplicate);
    }

    [Test]
    public async Task Should_not_refund_again_after_the_kitchen_timed_out()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        await scenario.KitchenTimesOut();
        var rejected = await scenario.Rejected();
        Outcome.AssertNothingHappened(rejected);
    }

    [Test]
    public async Task Should_ignore_a_rejection_after_the_acceptance()
    {
        var scenario = await new OrderScenario().PlacedPaidAndAccepted();
        var rejected = await scenario.Rejected();
        Outcome.AssertNothingHappened(rejected);
    }
}
