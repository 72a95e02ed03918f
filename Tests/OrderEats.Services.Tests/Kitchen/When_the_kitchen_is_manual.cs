using System.Net;
using System.Net.Http.Json;
using OrderEats.Kitchen;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Replies;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_the_kitchen_is_manual(TestPersistence persistence)
{
    [Test]
    public async Task Should_open_a_received_ticket_and_send_nothing_by_itself()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);

        var orderId = await harness.Prepare();
        var tickets = await harness.Staff().GetFromJsonAsync<List<KitchenTicket>>("/kitchen/tickets?status=received");

        Assert.That(tickets!.Where(t => t.OrderId == orderId).Select(t => (t.OrderId, t.Status)), Is.EqualTo(new[] { (orderId, TicketStatus.Received) }));
    }

    [TestCase("accept")]
    [TestCase("reject")]
    [TestCase("ready")]
    public async Task Should_answer_404_for_an_unknown_ticket(string action)
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);
        var orderId = Guid.NewGuid();

        using var response = await harness.Staff().PostAsJsonAsync($"/kitchen/tickets/{orderId}/{action}", new { reason = "x" });
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem, Does.Contain(orderId.ToString()));
        });
    }

    [Test]
    public async Task Should_answer_409_when_a_received_ticket_is_marked_ready()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);
        var orderId = await harness.Prepare();

        using var response = await harness.Staff().PostAsync($"/kitchen/tickets/{orderId}/ready", null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(TicketStatus.Received));
        });
    }

    [Test]
    public async Task Should_accept_then_mark_ready_with_202_and_tell_the_saga()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);
        var client = harness.Staff();
        var orderId = await harness.Prepare();

        using var accepted = await client.PostAsync($"/kitchen/tickets/{orderId}/accept", null);
        await harness.Inbox.WaitFor<OrderAccepted>(m => m.OrderId == orderId);
        using var acceptedAgain = await client.PostAsync($"/kitchen/tickets/{orderId}/accept", null);
        using var ready = await client.PostAsync($"/kitchen/tickets/{orderId}/ready", null);
        await harness.Inbox.WaitFor<OrderPrepared>(m => m.OrderId == orderId);
        var ticket = await client.GetFromJsonAsync<KitchenTicket>($"/kitchen/tickets/{orderId}");

        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(accepted.Headers.Location?.ToString(), Is.EqualTo($"/kitchen/tickets/{orderId}"));
            Assert.That(acceptedAgain.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(ticket?.Status, Is.EqualTo(TicketStatus.Ready));
            Assert.That(harness.Inbox.Received<OrderAccepted>(m => m.OrderId == orderId), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Should_reject_with_the_given_reason()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);
        var orderId = await harness.Prepare();

        using var response = await harness.Staff().PostAsJsonAsync($"/kitchen/tickets/{orderId}/reject", new { reason = "Out of basil" });
        var rejection = (await harness.Inbox.WaitFor<OrderRejected>(m => m.OrderId == orderId)).Single();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(rejection.Reason, Is.EqualTo("Out of basil"));
            Assert.That((await harness.Service<KitchenTickets>().Find(orderId))?.Status, Is.EqualTo(TicketStatus.Rejected));
        });
    }

    [Test]
    public async Task Should_answer_400_for_an_unknown_status_filter()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);

        using var response = await harness.Staff().GetAsync("/kitchen/tickets?status=burnt");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Should_keep_one_ticket_when_PrepareOrder_is_repeated()
    {
        await using var harness = await KitchenHarness.Start(persistence, KitchenMode.Manual);
        var orderId = Guid.NewGuid();

        await harness.Prepare(orderId);
        await harness.Prepare(orderId, expectedProbes: 2);
        var tickets = (await harness.Service<KitchenTickets>().ReadAll()).Where(x => x.OrderId == orderId).ToList();

        Assert.That(tickets.Select(t => (t.OrderId, t.Status)), Is.EqualTo(new[] { (orderId, TicketStatus.Received) }));
    }
}
