using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Console.Tests.Monitoring;
using OrderEats.Engine;

namespace OrderEats.Console.Tests.Bugs;

// Issue 17, defect 5: cancelling a timeout when the saga's endpoint queue was missing answered HTTP 500 with the exception type as its title.
[TestFixture]
public class When_the_sagas_endpoint_queue_is_missing
{
    [Test]
    public async Task Should_answer_502_with_the_reason_and_leave_the_timeout_pending()
    {
        await using var harness = await ConsoleHarness.Start();
        var endpoint = await MonitoredEndpoint.Start(harness, "cons-vanished", TimeSpan.FromHours(1));
        var audited = harness.Changes.WaitFor(c => c.Kind == "SagaAudited");
        await endpoint.Send(new OpenTicket("V-1"), new SendOptions { Destination = "cons-vanished" });
        var sagaId = (await audited.WaitAsync(ConsoleHarness.Timeout)).Detail;
        await endpoint.Stop();
        Directory.Delete(Path.Combine(harness.Infrastructure.LearningFolder, "cons-vanished"), recursive: true);
        using var client = await harness.Login("operator");
        var saga = await client.GetFromJsonAsync<JsonElement>("/api/sagas/" + sagaId);
        var timeoutId = saga.GetProperty("pendingTimeouts")[0].GetProperty("timeoutId").GetString();

        var api = await client.Post($"/api/sagas/{sagaId}/timeouts/{timeoutId}/cancel");
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        var page = await client.PostForm("/sagas/" + sagaId, $"/sagas/{sagaId}/timeouts/{timeoutId}/cancel");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/sagas/" + sagaId);

        Assert.Multiple(async () =>
        {
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("The saga's endpoint queue cannot be reached"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'cons-vanished'").And.Contain("still pending"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("cons-vanished"));
            Assert.That(after.GetProperty("pendingTimeouts").GetArrayLength(), Is.EqualTo(1));
        });
    }
}
