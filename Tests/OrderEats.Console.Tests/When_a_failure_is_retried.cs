using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;
using OrderEats.Engine;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_a_failure_is_retried
{
    private const string Endpoint = "cons-work";

    [Test]
    public async Task Should_send_it_to_the_original_queue_with_retry_headers_and_resolve_on_success()
    {
        await using var harness = await ConsoleHarness.Start();
        var endpoint = await harness.StartEndpoint(Endpoint);
        harness.Probe.FailuresLeft = 1;
        var failed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "work-1");
        await endpoint.Send(new Work("first"), new SendOptions { Destination = Endpoint, MessageId = "work-1" });
        var failure = await failed.WaitAsync(ConsoleHarness.Timeout);
        using var client = await harness.Login("operator");

        var resolved = harness.Changes.WaitFor(c => c.Kind == "Resolved" && c.FailureId == failure.FailureId);
        var response = await client.Post($"/api/failures/{failure.FailureId}/retry");
        await resolved.WaitAsync(ConsoleHarness.Timeout);
        var detail = await client.Failure(failure.FailureId!);
        var events = await client.Get<List<ConsoleEvent>>("/api/events?failureId=" + failure.FailureId);
        var retried = harness.Probe.Deliveries.Last();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(harness.Probe.Deliveries, Has.Count.EqualTo(2));
            Assert.That(retried.MessageId, Is.EqualTo("work-1"));
            Assert.That(retried.Headers[Headers.RetryId], Is.EqualTo(detail.RetryId));
            Assert.That(retried.Headers[Headers.RetryReportTo], Is.EqualTo("console"));
            Assert.That(retried.Headers, Does.Not.ContainKey(Headers.ExceptionType), "failure headers are not sent back");
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Resolved));
            Assert.That(events.Select(e => e.Kind), Is.SupersetOf(new[] { "MessageFailed", "RetryIssued", "Resolved" }));
        });
    }

    [Test]
    public async Task Should_be_unresolved_with_two_attempts_when_the_retry_fails_again()
    {
        await using var harness = await ConsoleHarness.Start();
        var endpoint = await harness.StartEndpoint(Endpoint);
        harness.Probe.FailuresLeft = 2;
        var failed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "work-2");
        await endpoint.Send(new Work("twice"), new SendOptions { Destination = Endpoint, MessageId = "work-2" });
        var failure = await failed.WaitAsync(ConsoleHarness.Timeout);
        using var client = await harness.Login("operator");

        var failedAgain = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "work-2" && c.Attempts == 2);
        (await client.Post($"/api/failures/{failure.FailureId}/retry")).EnsureSuccessStatusCode();
        var again = await failedAgain.WaitAsync(ConsoleHarness.Timeout);
        var detail = await client.Failure(failure.FailureId!);
        var events = await client.Get<List<ConsoleEvent>>("/api/events?failureId=" + failure.FailureId);

        Assert.Multiple(() =>
        {
            Assert.That(again.FailureId, Is.EqualTo(failure.FailureId));
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
            Assert.That(detail.Summary.Attempts, Is.EqualTo(2));
            Assert.That(detail.AttemptHistory, Has.Count.EqualTo(2));
            Assert.That(detail.RetryId, Is.Null);
            Assert.That(events.Select(e => e.Kind), Does.Contain("RetryFailed"));
        });
    }

    [Test]
    public async Task Should_retry_a_selection_a_group_and_all_only_once_each()
    {
        await using var harness = await ConsoleHarness.Start();
        var sink = harness.RawTransport();
        var a = await harness.InjectFailure("sel-1", endpoint: "cons-sink-a");
        var b = await harness.InjectFailure("sel-2", endpoint: "cons-sink-a");
        var c = await harness.InjectFailure("sel-3", endpoint: "cons-sink-b");
        var d = await harness.InjectFailure("sel-4", endpoint: "cons-sink-b");
        using var client = await harness.Login("operator");
        var groupOfB = (await client.Failure(c.FailureId!)).EndpointGroupId;

        var selection = await (await client.Post("/api/failures/retry", new { ids = new[] { a.FailureId, b.FailureId } })).Content.ReadFromJsonAsync<RetryRequestResult>();
        var group = await (await client.Post($"/api/groups/{groupOfB}/retry")).Content.ReadFromJsonAsync<RetryRequestResult>();
        var all = await (await client.Post("/api/failures/retry-all")).Content.ReadFromJsonAsync<RetryRequestResult>();
        var again = await client.Post($"/api/failures/{a.FailureId}/retry");

        Assert.Multiple(() =>
        {
            Assert.That(selection!.Issued, Is.EquivalentTo(new[] { a.FailureId, b.FailureId }));
            Assert.That(group!.Issued, Is.EquivalentTo(new[] { c.FailureId, d.FailureId }));
            Assert.That(all!.Issued, Is.Empty, "everything was already retried");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        });
    }

    [Test]
    public async Task Should_answer_400_for_an_empty_selection_and_404_for_unknown_ids()
    {
        await using var harness = await ConsoleHarness.Start();
        using var client = await harness.Login("operator");

        var empty = await client.Post("/api/failures/retry", new { ids = Array.Empty<string>() });
        var notJson = await client.PostAsync("/api/failures/retry", new StringContent("{ids:", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await client.Post("/api/failures/retry", new { ids = new[] { "nope" } });
        var unknownOne = await client.Post("/api/failures/nope/retry");
        var unknownGroup = await client.Post("/api/groups/nope/retry");

        Assert.Multiple(async () =>
        {
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("\"ids\""));
            Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("nope"));
            Assert.That(unknownOne.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownGroup.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Should_set_the_failure_back_to_unresolved_when_its_queue_does_not_exist()
    {
        await using var harness = await ConsoleHarness.Start();
        var failure = await harness.InjectFailure("gone-1", endpoint: "cons-gone");
        Directory.Delete(Path.Combine(harness.Infrastructure.LearningFolder, "cons-gone"), recursive: true);
        using var client = await harness.Login("operator");

        var notSent = harness.Changes.WaitFor(c => c.Kind == "RetryNotSent" && c.FailureId == failure.FailureId);
        (await client.Post($"/api/failures/{failure.FailureId}/retry")).EnsureSuccessStatusCode();
        await notSent.WaitAsync(ConsoleHarness.Timeout);
        var detail = await client.Failure(failure.FailureId!);
        var events = await client.Get<List<ConsoleEvent>>("/api/events?failureId=" + failure.FailureId);

        Assert.Multiple(() =>
        {
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
            Assert.That(events.Single(e => e.Kind == "RetryNotSent").Text, Does.Contain("cons-gone"));
        });
    }
}
