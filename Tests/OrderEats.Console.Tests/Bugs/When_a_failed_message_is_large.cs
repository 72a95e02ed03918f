using Dapper;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Tests.Bugs;

// Issue 17, defect 4: a 5 MB message was stored three times (body, search text, attempt); its detail page and API answer were 10.5 MB.
[TestFixture]
public class When_a_failed_message_is_large
{
    [Test]
    public async Task Should_store_the_body_once_index_its_start_and_keep_the_page_small_with_a_download()
    {
        await using var harness = await ConsoleHarness.Start();
        var body = "{\"orderId\":\"needle-in-the-first-kilobytes\",\"blob\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";
        var failure = await harness.InjectFailure("big-1", body: body);
        using var client = await harness.Login("reader");

        long stored, searched, attemptBodies;
        await using (var connection = await harness.Services.GetRequiredService<ConsoleDatabase>().Open())
        {
            stored = await connection.ExecuteScalarAsync<long>("SELECT LENGTH(body) FROM console_failures");
            searched = await connection.ExecuteScalarAsync<long>("SELECT LENGTH(search_text) FROM console_failures");
            attemptBodies = await connection.ExecuteScalarAsync<long>("SELECT SUM(LENGTH(body)) FROM console_attempts");
        }

        var page = await client.GetByteArrayAsync("/failures/" + failure.FailureId);
        var api = await client.GetByteArrayAsync("/api/failures/" + failure.FailureId);
        var detail = await client.Failure(failure.FailureId!);
        var download = await client.GetByteArrayAsync($"/api/failures/{failure.FailureId}/body");
        var found = await client.Failures("?q=needle-in-the-first");
        await TestContext.Progress.WriteLineAsync($"5 MB body: detail page {page.Length / 1024.0:F1} KB, API detail {api.Length / 1024.0:F1} KB");

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(body.Length), "the body is stored once, whole");
            Assert.That(searched, Is.LessThan(FailureWriter.SearchedBody + 4096), "search indexes the first 16 KiB");
            Assert.That(attemptBodies, Is.Zero, "attempts do not repeat the body");
            Assert.That(page, Has.Length.LessThan(200 * 1024));
            Assert.That(Encoding.UTF8.GetString(page), Does.Contain($"/failures/{failure.FailureId}/body").And.Contain("5.0 MB"));
            Assert.That(api, Has.Length.LessThan(200 * 1024));
            Assert.That(detail.Body, Is.Null);
            Assert.That(detail.BodyTruncated, Is.True);
            Assert.That(detail.BodySize, Is.EqualTo(body.Length));
            Assert.That(Encoding.UTF8.GetString(download), Is.EqualTo(body));
            Assert.That(found.Total, Is.EqualTo(1));
        });
    }
}
