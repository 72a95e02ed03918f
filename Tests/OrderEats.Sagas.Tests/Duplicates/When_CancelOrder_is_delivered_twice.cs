namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_CancelOrder_is_delivered_twice
{
    [Test]
    public async Task Should_not_refund_twice()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        await scenario.CancelledByCustomer();
        var duplicate = await scenario.CancelledByCustomer();
        Outcome.AssertNothingHappened(duplicate);
    }

    [Test]
    public async Task Should_keep_the_first_reason_before_the_payment_is_confirmed()
    {
        var scenario = new OrderScenario();
        await scenario.Place();
        await scenario.CancelledByCustomer("first");
        var duplicate = await scenario.CancelledByCustomer("second");
        Outcome.AssertNothingHappened(duplicate);
        Assert.That(scenario.Data!.CancellationReason, Is.EqualTo("Cancelled by the customer: first"));
    }

    [Test]
    public async Task Should_not_refund_again_when_the_kitchen_rejects_afterwards()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        await scenario.CancelledByCustomer();
        var rejected = await scenario.Rejected();
        Outcome.AssertNothingHappened(rejected);
    }
}
