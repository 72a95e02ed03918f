using OrderEats.Orders.Admission;

namespace OrderEats.Orders.Tests.Admission;

// The gate's arithmetic with the drain handed to it, as the sampler hands it: no clock, no database.
public class When_the_order_workflow_is_at_capacity
{
    private static readonly OrdersOptions Timeouts = new() { PaymentTimeout = TimeSpan.FromSeconds(20), KitchenTimeout = TimeSpan.FromSeconds(10) };

    [Test]
    public void Should_default_the_allowed_wait_to_the_shorter_saga_timeout()
    {
        Assert.That(new AdmissionGate(new AdmissionOptions(), Timeouts).MaxWait, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Should_accept_up_to_the_minimum_in_flight_before_any_drain_is_measured_and_refuse_the_next()
    {
        var gate = new AdmissionGate(new AdmissionOptions { MinInFlight = 3 }, Timeouts);

        var decisions = Enumerable.Range(0, 4).Select(_ => gate.TryAdmit(Guid.NewGuid())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(decisions.Take(3), Has.All.Null);
            Assert.That(decisions[3], Is.Not.Null);
            Assert.That(decisions[3]!.Reason, Does.Contain("3 accepted orders are waiting for the kitchen").And.Contain("Orders:Admission:MaxWait"));
            Assert.That(decisions[3]!.RetryAfter, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
            Assert.That(gate.IsShedding, Is.True);
            Assert.That(gate.Refused, Is.EqualTo(1));
        });
    }

    [Test]
    public void Should_accept_as_many_as_drain_within_the_allowed_wait()
    {
        var gate = new AdmissionGate(new AdmissionOptions { MinInFlight = 1 }, Timeouts);
        var first = Guid.NewGuid();
        Assert.That(gate.TryAdmit(first), Is.Null);
        // 10 orders per second leave the in-flight state: within 10 s about 100 may wait.
        gate.Drained([first], count: 10, seconds: 1);

        var admitted = 0;
        while (gate.TryAdmit(Guid.NewGuid()) is null && admitted < 1000)
        {
            admitted++;
        }

        Assert.That(admitted, Is.EqualTo(100));
    }

    [Test]
    public void Should_accept_again_once_the_backlog_drains()
    {
        var gate = new AdmissionGate(new AdmissionOptions { MinInFlight = 2 }, Timeouts);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in ids)
        {
            Assert.That(gate.TryAdmit(id), Is.Null);
        }

        Assert.That(gate.TryAdmit(Guid.NewGuid()), Is.Not.Null, "at capacity");
        gate.Drained(ids, count: ids.Length, seconds: 1);

        Assert.Multiple(() =>
        {
            Assert.That(gate.TryAdmit(Guid.NewGuid()), Is.Null, "drained");
            Assert.That(gate.IsShedding, Is.False);
        });
    }

    [Test]
    public void Should_count_an_order_placed_twice_once_and_give_back_one_that_was_not_placed()
    {
        var gate = new AdmissionGate(new AdmissionOptions(), Timeouts);
        var orderId = Guid.NewGuid();
        var ticket = Guid.NewGuid();
        gate.TryAdmit(ticket);
        gate.Confirm(ticket, orderId);
        gate.TryAdmit(orderId);
        var refusedTicket = Guid.NewGuid();
        gate.TryAdmit(refusedTicket);
        gate.Withdraw(refusedTicket);

        Assert.That(gate.InFlight, Is.EqualTo(1));
    }

    [Test]
    public void Should_refuse_past_the_queue_depth_limit_when_one_is_set()
    {
        var gate = new AdmissionGate(new AdmissionOptions { MaxQueueDepth = 100 }, Timeouts);
        gate.Depth(101);

        Assert.That(gate.TryAdmit(Guid.NewGuid())?.Reason, Does.Contain("101 messages wait"));
    }

    [Test]
    public void Should_accept_everything_when_turned_off()
    {
        var gate = new AdmissionGate(new AdmissionOptions { Enabled = false, MinInFlight = 1 }, Timeouts);

        Assert.That(Enumerable.Range(0, 10).Select(_ => gate.TryAdmit(Guid.NewGuid())), Has.All.Null);
    }
}
