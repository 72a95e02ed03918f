using System.Net;
using OrderEats.Console.Model;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_archiving_and_restoring
{
    [Test]
    public async Task Should_archive_then_restore_and_log_both()
    {
        await using var harness = await ConsoleHarness.Start();
        var failure = await harness.InjectFailure("arc-1");
        using var client = await harness.Login("operator");

        var archive = await client.Post($"/api/failures/{failure.FailureId}/archive");
        var archived = (await client.Failure(failure.FailureId!)).Summary.Status;
        var archiveAgain = await client.Post($"/api/failures/{failure.FailureId}/archive");
        var retryArchived = await client.Post($"/api/failures/{failure.FailureId}/retry");
        var restore = await client.Post($"/api/failures/{failure.FailureId}/restore");
        var restored = (await client.Failure(failure.FailureId!)).Summary.Status;
        var restoreAgain = await client.Post($"/api/failures/{failure.FailureId}/restore");
        var events = await client.Get<List<ConsoleEvent>>("/api/events?failureId=" + failure.FailureId);

        Assert.Multiple(() =>
        {
            Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(archived, Is.EqualTo(FailureStatus.Archived));
            Assert.That(archiveAgain.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(retryArchived.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(restored, Is.EqualTo(FailureStatus.Unresolved));
            Assert.That(restoreAgain.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(events.Where(e => e.Kind is "Archived" or "Restored").Select(e => (e.Kind, e.User)),
                Is.EqualTo(new[] { ("Restored", "operator"), ("Archived", "operator") }));
        });
    }

    [Test]
    public async Task Should_answer_404_for_an_unknown_failure()
    {
        await using var harness = await ConsoleHarness.Start();
        using var client = await harness.Login("operator");

        var response = await client.Post("/api/failures/unknown-id/archive");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
