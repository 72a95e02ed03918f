using Dapper;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Tests.Bugs;

// Issue 17, defect 1: a PlaceOrder whose body was the text "base64:this is plain text, not base64!" could not be rebuilt (the console took the
// text for its own base64 marker); the dispatcher failed on it forever and every later retry stayed RetryIssued, also after a restart.
[TestFixture]
public class When_a_retry_cannot_be_rebuilt
{
    private const string PlainText = "base64:this is plain text, not base64!";

    [Test]
    public async Task Should_send_a_text_body_that_looks_like_base64_as_the_text_it_is()
    {
        await using var harness = await ConsoleHarness.Start();
        var queue = await Receive(harness, "cons-plain");
        var failure = await harness.InjectFailure("plain-1", endpoint: "cons-plain", body: PlainText);
        using var client = await harness.Login("operator");

        (await client.Post($"/api/failures/{failure.FailureId}/retry")).EnsureSuccessStatusCode();
        var retried = await queue.ReadAsync().AsTask().WaitAsync(ConsoleHarness.Timeout);

        Assert.That(Encoding.UTF8.GetString(retried.Body.Span), Is.EqualTo(PlainText));
    }

    [Test]
    public async Task Should_fail_alone_stay_visible_survive_a_restart_and_be_archivable_and_editable()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:AllowEditAndRetry"] = "true", ["Console:RetryBatchSize"] = "10" });
        var queue = await Receive(harness, "cons-mixed");
        var broken = await harness.InjectFailure("broken-1", endpoint: "cons-mixed");
        var brokenToo = await harness.InjectFailure("broken-2", endpoint: "cons-mixed");
        var fine = await harness.InjectFailure("fine-1", endpoint: "cons-mixed");
        await Corrupt(harness, "broken-1", "broken-2");
        using var client = await harness.Login("operator");

        var notSent = harness.Changes.WaitFor(c => c.Kind == "RetryNotSent" && c.FailureId == broken.FailureId);
        var notSentToo = harness.Changes.WaitFor(c => c.Kind == "RetryNotSent" && c.FailureId == brokenToo.FailureId);
        (await client.Post("/api/failures/retry", new { ids = new[] { broken.FailureId, brokenToo.FailureId, fine.FailureId } })).EnsureSuccessStatusCode();
        await Task.WhenAll(notSent, notSentToo).WaitAsync(ConsoleHarness.Timeout);
        var delivered = await queue.ReadAsync().AsTask().WaitAsync(ConsoleHarness.Timeout);
        var page = await client.GetStringAsync("/failures/" + broken.FailureId);

        await harness.Restart();
        using var again = await harness.Login("operator");
        var afterRestart = await again.Failure(broken.FailureId!);
        var archive = await again.Post($"/api/failures/{brokenToo.FailureId}/archive");
        var edited = await again.Post($"/api/failures/{broken.FailureId}/edit-retry", new { body = "{\"orderId\":42}" });
        var copy = await queue.ReadAsync().AsTask().WaitAsync(ConsoleHarness.Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(delivered.MessageId, Is.EqualTo("fine-1"), "the other retry of the batch went out");
            Assert.That(afterRestart.Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
            Assert.That(afterRestart.Summary.RetryError, Does.Contain("not valid base64"));
            Assert.That(page, Does.Contain("The last retry could not be sent").And.Contain("not valid base64"));
            Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(Encoding.UTF8.GetString(copy.Body.Span), Is.EqualTo("{\"orderId\":42}"));
        });
    }

    private static async Task Corrupt(ConsoleHarness harness, params string[] messageIds)
    {
        await using var connection = await harness.Services.GetRequiredService<ConsoleDatabase>().Open();
        foreach (var id in messageIds)
        {
            await connection.ExecuteAsync("UPDATE console_failures SET body_encoding = 'base64', body = '%% not base64 %%' WHERE message_id = @id", new { id });
        }
    }

    private static async Task<ChannelReader<IncomingMessage>> Receive(ConsoleHarness harness, string queue)
    {
        var transport = harness.RawTransport();
        await transport.Setup(new TransportSetup(queue, "error", []));
        var received = Channel.CreateUnbounded<IncomingMessage>();
        await transport.Receive(new ReceiveSettings(queue, 1, "error"), async (message, cancellationToken) =>
        {
            await received.Writer.WriteAsync(message, cancellationToken);
            return ReceiveResult.Ack;
        });
        return received.Reader;
    }
}
