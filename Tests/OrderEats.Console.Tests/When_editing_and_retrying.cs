using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;
using OrderEats.Engine;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_editing_and_retrying
{
    private const string Endpoint = "cons-edit";

    [Test]
    public async Task Should_refuse_with_403_when_disabled()
    {
        await using var harness = await ConsoleHarness.Start();
        var failure = await harness.InjectFailure("edit-off");
        using var client = await harness.Login("operator");

        var response = await client.Post($"/api/failures/{failure.FailureId}/edit-retry", new { body = "{\"text\":\"x\"}" });
        var detail = await client.Failure(failure.FailureId!);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Console:AllowEditAndRetry"));
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
        });
    }

    [TestCase("{\"body\": \"{not json\"}")]
    [TestCase("{\"body\": \"\"}")]
    [TestCase("{}")]
    public async Task Should_answer_400_naming_the_body_when_it_is_not_json(string request)
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:AllowEditAndRetry"] = "true" });
        var failure = await harness.InjectFailure("edit-bad");
        using var client = await harness.Login("operator");

        var response = await client.PostAsync($"/api/failures/{failure.FailureId}/edit-retry", new StringContent(request, Encoding.UTF8, "application/json"));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"body\""));
        });
    }

    [Test]
    public async Task Should_send_a_copy_with_a_new_id_that_records_the_original_and_resolve_the_original()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:AllowEditAndRetry"] = "true" });
        var endpoint = await harness.StartEndpoint(Endpoint);
        harness.Probe.FailuresLeft = 1;
        var failed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "edit-1");
        await endpoint.Send(new Work("typo"), new SendOptions { Destination = Endpoint, MessageId = "edit-1" });
        var failure = await failed.WaitAsync(ConsoleHarness.Timeout);
        using var client = await harness.Login("operator");

        var resolved = harness.Changes.WaitFor(c => c.Kind == "Resolved" && c.FailureId == failure.FailureId);
        var response = await client.Post($"/api/failures/{failure.FailureId}/edit-retry", new { body = "{\"text\":\"fixed\"}" });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        await resolved.WaitAsync(ConsoleHarness.Timeout);
        var copy = harness.Probe.Deliveries.Last();
        var detail = await client.Failure(failure.FailureId!);
        var newId = answer.GetProperty("newMessageId").GetString();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(newId, Is.Not.Null.And.Not.EqualTo("edit-1"));
            Assert.That(copy.MessageId, Is.EqualTo(newId));
            Assert.That(copy.Headers[FailedMessageParser.EditOfHeader], Is.EqualTo("edit-1"));
            Assert.That(copy.Headers[Headers.RetryReportTo], Is.EqualTo("console"));
            Assert.That(Encoding.UTF8.GetString(copy.Body.Span), Is.EqualTo("{\"text\":\"fixed\"}"));
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Resolved));
            Assert.That(detail.EditMessageId, Is.EqualTo(newId));
            Assert.That(detail.Body, Is.EqualTo("{\"text\":\"typo\"}"), "the original is kept as it failed");
        });
    }

    [Test]
    public async Task Should_link_a_failing_copy_to_its_original()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:AllowEditAndRetry"] = "true" });
        var endpoint = await harness.StartEndpoint(Endpoint);
        harness.Probe.FailuresLeft = 2;
        var failed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "edit-2");
        await endpoint.Send(new Work("typo"), new SendOptions { Destination = Endpoint, MessageId = "edit-2" });
        var failure = await failed.WaitAsync(ConsoleHarness.Timeout);
        using var client = await harness.Login("operator");

        var copyFailed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId != "edit-2");
        (await client.Post($"/api/failures/{failure.FailureId}/edit-retry", new { body = "{\"text\":\"still wrong\"}" })).EnsureSuccessStatusCode();
        var copy = await copyFailed.WaitAsync(ConsoleHarness.Timeout);
        var copyDetail = await client.Failure(copy.FailureId!);
        var original = await client.Failure(failure.FailureId!);

        Assert.Multiple(() =>
        {
            Assert.That(copyDetail.EditedFrom, Is.EqualTo(failure.FailureId));
            Assert.That(copyDetail.Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
            Assert.That(original.Summary.Status, Is.EqualTo(FailureStatus.Resolved), "the copy carries the work on");
        });
    }
}
