using OrderEats.Messages;

namespace OrderEats.Sagas.Tests.Duplicates;

[TestFixture]
public class When_StartOrder_is_delivered_twice
{
    [Test]
    public async Task Should_not_charge_twice()
    {
        var scenario = new OrderScenario();
        await scenario.Place();
        var duplicate = await scenario.Place();
        Outcome.AssertNothingHappened(duplicate);
        Assert.That(scenario.Saga.PendingTimeouts, Has.Count.EqualTo(1), "one payment timeout");
    }

    [Test]
    public async Task Should_keep_the_first_order_when_the_client_reuses_the_order_id()
    {
        var scenario = new OrderScenario();
        await scenario.Place();
        var other = scenario.StartOrderMessage with { Total = new Money(1m, "EUR"), Lines = [] };
        var duplicate = await scenario.Saga.Handle(other);
        Outcome.AssertNothingHappened(duplicate);
        Assert.That(scenario.Data!.Total, Is.EqualTo(scenario.Total));
    }

    [Test]
    public async Task Should_not_restart_an_order_that_is_under_way()
    {
        var scenario = await new OrderScenario().PlacedAndPaid();
        var duplicate = await scenario.Place();
        Outcome.AssertNothingHappened(duplicate);
        Assert.That(scenario.Data!.Status, Is.EqualTo(OrderStatus.Paid));
    }
}
