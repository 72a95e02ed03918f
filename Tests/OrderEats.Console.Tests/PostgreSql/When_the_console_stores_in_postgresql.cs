using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Storage;
using OrderEats.Engine.Sql;
using OrderEats.Console.Model;
using OrderEats.Engine;

namespace OrderEats.Console.Tests.PostgreSql;

[TestFixture]
public class When_the_console_stores_in_postgresql
{
    [Test]
    public async Task Should_ingest_group_filter_page_archive_and_restore()
    {
        await using var harness = await ConsoleHarness.Start(PostgresSetUp.UniqueDatabase(), PostgresSetUp.ServerConnectionString);
        var day = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var a = await harness.InjectFailure("pg-1", endpoint: "cons-pay", exceptionMessage: "first", at: day.AddHours(1));
        await harness.InjectFailure("pg-1", endpoint: "cons-pay", exceptionMessage: "100% second_", at: day.AddHours(2));
        await harness.InjectFailure("pg-2", endpoint: "cons-kitchen", type: "Shop.Prepare", at: day.AddDays(1));
        await harness.InjectFailure("pg-3", endpoint: "cons-kitchen", type: "Shop.Prepare", exception: Failures.ThrownElsewhere("x"), at: day.AddDays(2));
        using var client = await harness.Login("operator");

        var detail = await client.Failure(a.FailureId!);
        var byText = await client.Failures("?q=100%25%20SECOND_");
        var byRange = await client.Failures("?from=2026-11-21&to=2026-11-22");
        var page2 = await client.Failures("?pageSize=2&page=2&endpoint=cons-kitchen");
        var page1 = await client.Failures("?pageSize=1&endpoint=cons-kitchen");
        var groups = await client.Get<List<FailureGroup>>("/api/groups?by=endpoint");
        (await client.Post($"/api/failures/{a.FailureId}/archive")).EnsureSuccessStatusCode();
        var archived = await client.Failures("?status=Archived");
        (await client.Post($"/api/failures/{a.FailureId}/restore")).EnsureSuccessStatusCode();

        Assert.Multiple(async () =>
        {
            Assert.That(harness.Services.GetRequiredService<ConsoleDatabase>().Kind, Is.EqualTo(SqlDialectKind.PostgreSql));
            Assert.That(detail.Summary.Attempts, Is.EqualTo(2));
            Assert.That(detail.AttemptHistory.Select(x => x.ExceptionMessage), Is.EqualTo(new[] { "first", "100% second_" }));
            Assert.That(detail.Summary.LastFailed, Is.EqualTo(day.AddHours(2)));
            Assert.That(byText.Items.Select(f => f.MessageId), Is.EqualTo(new[] { "pg-1" }));
            Assert.That(byRange.Items.Select(f => f.MessageId), Is.EqualTo(new[] { "pg-2" }));
            Assert.That(page1.Items.Select(f => f.MessageId), Is.EqualTo(new[] { "pg-3" }));
            Assert.That(page2.Items, Is.Empty);
            Assert.That(page2.Total, Is.EqualTo(2));
            Assert.That(groups.ToDictionary(g => g.Title, g => g.Total), Is.EquivalentTo(new Dictionary<string, int> { ["cons-pay"] = 1, ["cons-kitchen"] = 2 }));
            Assert.That(archived.Items.Select(f => f.MessageId), Is.EqualTo(new[] { "pg-1" }));
            Assert.That((await client.Failure(a.FailureId!)).Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
        });
    }

    [Test]
    public async Task Should_resolve_a_retry_that_succeeds_and_reopen_one_that_fails_again()
    {
        await using var harness = await ConsoleHarness.Start(PostgresSetUp.UniqueDatabase(), PostgresSetUp.ServerConnectionString);
        var endpoint = await harness.StartEndpoint("cons-pg-work");
        harness.Probe.FailuresLeft = 2;
        var failed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "pg-work");
        await endpoint.Send(new Work("pg"), new SendOptions { Destination = "cons-pg-work", MessageId = "pg-work" });
        var failure = await failed.WaitAsync(ConsoleHarness.Timeout);
        using var client = await harness.Login("operator");

        var failedAgain = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "pg-work" && c.Attempts == 2);
        (await client.Post($"/api/failures/{failure.FailureId}/retry")).EnsureSuccessStatusCode();
        await failedAgain.WaitAsync(ConsoleHarness.Timeout);
        var resolved = harness.Changes.WaitFor(c => c.Kind == "Resolved" && c.FailureId == failure.FailureId);
        (await client.Post($"/api/failures/{failure.FailureId}/retry")).EnsureSuccessStatusCode();
        await resolved.WaitAsync(ConsoleHarness.Timeout);
        var detail = await client.Failure(failure.FailureId!);

        Assert.Multiple(() =>
        {
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Resolved));
            Assert.That(detail.Summary.Attempts, Is.EqualTo(2));
            Assert.That(harness.Probe.Deliveries, Has.Count.EqualTo(3));
        });
    }
}
