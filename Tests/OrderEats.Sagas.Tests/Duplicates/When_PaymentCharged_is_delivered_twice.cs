namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_PaymentCharged_is_delivered_twice
{
    [Test]
    public async Task Should_not_send_the_order_to_the_kitchen_twice()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        var duplicate = await scenario.Charged();
        Outcome.AssertNothingHappened(duplicate);
        Assert.That(scenario.Saga.PendingTimeouts, Has.Count.EqualTo(1), "one kitchen timeout");
    }

    [Test]
    public async Task Should_not_refund_twice_when_a_cancel_was_waiting()
    {
        var scenario = new OrderScenario();
        await scenario.Place();
        await scenario.CancelledByCustomer();
        await scenario.Charged();
        var duplicate = await scenario.Charged();
        Outcome.AssertNothingHappened(duplicate);
    }
}
