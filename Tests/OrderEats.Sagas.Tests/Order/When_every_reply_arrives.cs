using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Sagas.Tests.Order;

// Whole orders driven by simulated replies, checked against the invariants of DESIGN §2.
[TestFixture]
public class When_every_reply_arrives
{
    [Test]
    public async Task Should_complete_a_good_order_with_one_charge_and_no_refund()
    {
        var scenario = new OrderScenario();
        scenario.Saga.SimulateReply<ChargePayment, PaymentCharged>(c => new PaymentCharged(c.OrderId, Guid.NewGuid(), c.Amount));
        scenario.Saga.SimulateReply<PrepareOrder, OrderAccepted>(p => new OrderAccepted(p.OrderId));
        scenario.Saga.SimulateReply<PrepareOrder, OrderPrepared>(p => new OrderPrepared(p.OrderId));

        var results = await Drain(scenario, await scenario.Place());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Last().Completed, Is.True);
            Assert.That(results.SelectMany(r => r.Sent<ChargePayment>()), Has.Exactly(1).Items);
            Assert.That(results.SelectMany(r => r.Sent<RefundPayment>()), Is.Empty);
            Assert.That(results.SelectMany(r => r.Published<OrderConfirmed>()), Has.Exactly(1).Items);
            Assert.That(results.SelectMany(r => r.Published<OrderReady>()), Has.Exactly(1).Items);
            Assert.That(results.SelectMany(r => r.Published<OrderCancelled>()), Is.Empty);
            Assert.That(
                results.SelectMany(r => r.StatusChanges()),
                Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Ready, OrderStatus.Completed }));
            Assert.That(scenario.Saga.PendingTimeouts, Is.Empty);
        }
    }

    [Test]
    public async Task Should_cancel_a_rejected_order_with_as_many_refunds_as_charges()
    {
        var scenario = new OrderScenario();
        scenario.Saga.SimulateReply<ChargePayment, PaymentCharged>(c => new PaymentCharged(c.OrderId, Guid.NewGuid(), c.Amount));
        scenario.Saga.SimulateReply<PrepareOrder, OrderRejected>(p => new OrderRejected(p.OrderId, "Closed"));
        scenario.Saga.SimulateReply<RefundPayment, PaymentRefunded>(r => new PaymentRefunded(r.OrderId, Guid.NewGuid(), r.Amount));

        var results = await Drain(scenario, await scenario.Place());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Last().Completed, Is.True);
            Assert.That(results.SelectMany(r => r.Sent<ChargePayment>()), Has.Exactly(1).Items);
            Assert.That(results.SelectMany(r => r.Sent<RefundPayment>()), Has.Exactly(1).Items);
            Assert.That(results.SelectMany(r => r.Published<OrderCancelled>()).Single().Refunded, Is.True);
            Assert.That(results.SelectMany(r => r.Published<OrderConfirmed>()), Is.Empty);
            Assert.That(
                results.SelectMany(r => r.StatusChanges()),
                Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Cancelled }));
        }
    }

    private static async Task<List<SagaHandleResult<OrderSagaData>>> Drain(OrderScenario scenario, SagaHandleResult<OrderSagaData> first)
    {
        var results = new List<SagaHandleResult<OrderSagaData>> { first };
        while (scenario.Saga.QueueLength > 0)
        {
            results.Add(await scenario.Saga.HandleQueuedMessage());
        }

        return results;
    }
}
