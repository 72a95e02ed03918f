using OrderEats.Kitchen;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Replies;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_the_kitchen_runs_automatically(TestPersistence persistence)
{
    [Test]
    public async Task Should_accept_the_ticket_and_then_report_it_prepared()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Auto);

        var orderId = await harness.Prepare();
        await harness.Inbox.WaitFor<OrderPrepared>(m => m.OrderId == orderId);
        var tickets = (await harness.Service<KitchenTickets>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Inbox.Received<OrderAccepted>(m => m.OrderId == orderId), Has.Count.EqualTo(1));
            Assert.That(harness.Inbox.Received<OrderRejected>(_ => true), Is.Empty);
            Assert.That(tickets.Select(t => (t.OrderId, t.Status)), Is.EqualTo(new[] { (orderId, TicketStatus.Ready) }));
            Assert.That(tickets[0].UpdatedAt, Is.GreaterThan(tickets[0].CreatedAt));
        });
    }

    [Test]
    public async Task Should_reject_every_ticket_at_rejection_rate_1()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Auto, rejectionRate: 1);

        var orderId = await harness.Prepare();
        var rejection = (await harness.Inbox.WaitFor<OrderRejected>(m => m.OrderId == orderId)).Single();
        var ticket = await harness.Service<KitchenTickets>().Find(orderId);

        Assert.Multiple(() =>
        {
            Assert.That(rejection.Reason, Is.Not.Empty);
            Assert.That(ticket?.Status, Is.EqualTo(TicketStatus.Rejected));
            Assert.That(harness.Inbox.Received<OrderAccepted>(_ => true), Is.Empty);
        });
    }

    [Test]
    public async Task Should_leave_the_ticket_unanswered_at_ignore_rate_1()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Auto, ignoreRate: 1, acceptDelay: TimeSpan.Zero);

        var orderId = await harness.Prepare();
        var ticket = await harness.Service<KitchenTickets>().Find(orderId);

        Assert.That(ticket?.Status, Is.EqualTo(TicketStatus.Ignored), "an ignored ticket schedules no review, so nothing is ever sent for it");
    }

    [Test]
    public async Task Should_open_one_ticket_and_answer_once_when_PrepareOrder_is_repeated()
    {
        // A long accept delay keeps the first ticket Received while the duplicate arrives.
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Auto, acceptDelay: TimeSpan.FromSeconds(1));
        var orderId = Guid.NewGuid();

        await harness.Prepare(orderId);
        await harness.Prepare(orderId, expectedProbes: 2);
        await harness.Inbox.WaitFor<OrderPrepared>(m => m.OrderId == orderId);
        var tickets = (await harness.Service<KitchenTickets>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tickets, Has.Count.EqualTo(1));
            Assert.That(harness.Inbox.Received<OrderAccepted>(m => m.OrderId == orderId), Has.Count.EqualTo(1));
        });
    }
}
