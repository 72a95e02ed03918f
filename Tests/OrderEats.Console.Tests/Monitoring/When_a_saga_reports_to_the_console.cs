using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Engine;

namespace OrderEats.Console.Tests.Monitoring;

[TestFixture]
public class When_a_saga_reports_to_the_console
{
    private ConsoleHarness harness = null!;
    private Engine.Hosting.EndpointInstance endpoint = null!;

    [SetUp]
    public async Task SetUp()
    {
        harness = await ConsoleHarness.Start();
        var graphKnown = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        endpoint = await MonitoredEndpoint.Start(harness, "cons-tickets", TimeSpan.FromHours(1));
        await graphKnown.WaitAsync(ConsoleHarness.Timeout);
    }

    [TearDown]
    public async Task TearDown()
    {
        await endpoint.Stop();
        await harness.DisposeAsync();
    }

    [Test]
    public async Task Should_list_the_instance_and_show_its_state_on_the_graph_with_the_pending_timeout()
    {
        var ticket = "T-" + Guid.NewGuid().ToString("N")[..8];
        var audited = harness.Changes.WaitFor(c => c.Kind == "SagaAudited");
        await endpoint.Send(new OpenTicket(ticket), new SendOptions { Destination = "cons-tickets" });
        await audited.WaitAsync(ConsoleHarness.Timeout);
        var reader = await harness.Login("reader");

        var list = await reader.GetFromJsonAsync<JsonElement>($"/api/sagas?correlation={ticket}&state=Open&type=TicketSaga");
        var item = list.GetProperty("items").EnumerateArray().Single();
        var id = item.GetProperty("sagaId").GetString();
        var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/sagas/{id}");
        var page = await reader.GetStringAsync($"/sagas/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("correlation").GetString(), Is.EqualTo(ticket));
            Assert.That(item.GetProperty("pendingTimeouts").GetInt32(), Is.EqualTo(1));
            Assert.That(detail.GetProperty("currentState").GetString(), Is.EqualTo("Open"));
            Assert.That(detail.GetProperty("graph").GetProperty("states").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "(start)", "Open", "Resolved", "Overdue" }));
            Assert.That(detail.GetProperty("timeline").GetArrayLength(), Is.EqualTo(1));
            Assert.That(page, Does.Contain("<svg").And.Contain("data-state=\"Open\" data-current=\"true\""));
            Assert.That(page, Does.Contain("data-state=\"Resolved\" data-current=\"false\""));
            Assert.That(page, Does.Contain("TicketOverdue").And.Contain("id=\"timeout-"));
            Assert.That(page, Does.Not.Contain("Cancel timeout"), "readers see no cancel button");
        });
    }

    [Test]
    public async Task Should_cancel_a_pending_timeout_for_an_operator_and_show_it_gone()
    {
        var ticket = "C-" + Guid.NewGuid().ToString("N")[..8];
        var audited = harness.Changes.WaitFor(c => c.Kind == "SagaAudited");
        await endpoint.Send(new OpenTicket(ticket), new SendOptions { Destination = "cons-tickets" });
        var sagaId = (await audited.WaitAsync(ConsoleHarness.Timeout)).Detail;
        var operatorClient = await harness.Login("operator");
        var reader = await harness.Login("reader");
        var timeoutId = (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/sagas/{sagaId}")).GetProperty("pendingTimeouts")[0].GetProperty("timeoutId").GetString();

        var forbidden = await reader.PostAsync($"/api/sagas/{sagaId}/timeouts/{timeoutId}/cancel", null);
        var cancelledAudit = harness.Changes.WaitFor(c => c.Kind == "SagaAudited" && c.Detail == sagaId);
        var accepted = await operatorClient.PostAsync($"/api/sagas/{sagaId}/timeouts/{timeoutId}/cancel", null);
        await cancelledAudit.WaitAsync(ConsoleHarness.Timeout);
        var after = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/sagas/{sagaId}");
        var again = await operatorClient.PostAsync($"/api/sagas/{sagaId}/timeouts/{timeoutId}/cancel", null);
        var events = await operatorClient.GetStringAsync("/api/events");

        Assert.Multiple(() =>
        {
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(after.GetProperty("pendingTimeouts").GetArrayLength(), Is.Zero);
            Assert.That(after.GetProperty("timeline")[1].GetProperty("note").GetString(), Does.Contain("operator"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(events, Does.Contain("TimeoutCancelRequested"));
        });
    }

    [Test]
    public async Task Should_show_a_completed_saga_in_its_final_state()
    {
        var ticket = "R-" + Guid.NewGuid().ToString("N")[..8];
        var opened = harness.Changes.WaitFor(c => c.Kind == "SagaAudited");
        await endpoint.Send(new OpenTicket(ticket), new SendOptions { Destination = "cons-tickets" });
        var sagaId = (await opened.WaitAsync(ConsoleHarness.Timeout)).Detail;
        var resolved = harness.Changes.WaitFor(c => c.Kind == "SagaAudited" && c.Detail == sagaId);
        await endpoint.Send(new ResolveTicket(ticket), new SendOptions { Destination = "cons-tickets" });
        await resolved.WaitAsync(ConsoleHarness.Timeout);
        var reader = await harness.Login("reader");

        var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/sagas/{sagaId}");
        var running = await reader.GetFromJsonAsync<JsonElement>($"/api/sagas?correlation={ticket}&completed=false");
        var page = await reader.GetStringAsync($"/sagas/{sagaId}");

        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("saga").GetProperty("completed").GetBoolean(), Is.True);
            Assert.That(detail.GetProperty("currentState").GetString(), Is.EqualTo("Resolved"));
            Assert.That(detail.GetProperty("pendingTimeouts").GetArrayLength(), Is.Zero);
            Assert.That(running.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(page, Does.Contain("data-state=\"Resolved\" data-current=\"true\"").And.Contain("data-from=\"Open\" data-to=\"Resolved\" data-taken=\"true\""));
            Assert.That(page, Does.Contain("Open → <b>Resolved</b> (completed)"));
        });
    }
}
