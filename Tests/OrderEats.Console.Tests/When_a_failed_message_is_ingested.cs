using Dapper;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_a_failed_message_is_ingested
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly string[] FirstThenSecond = ["first", "second"];

    [Test]
    public async Task Should_store_headers_body_exception_queue_time_endpoint_and_host()
    {
        await using var harness = await ConsoleHarness.Start();
        var at = new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);

        var stored = await harness.InjectFailure("msg-1", endpoint: "cons-sales", type: "Shop.PlaceOrder", exceptionMessage: "card declined", at: at);
        using var client = await harness.Login("reader");
        var detail = await client.Failure(stored.FailureId!);

        Assert.Multiple(() =>
        {
            Assert.That(detail.Summary.MessageId, Is.EqualTo("msg-1"));
            Assert.That(detail.Summary.MessageType, Is.EqualTo("Shop.PlaceOrder"));
            Assert.That(detail.Summary.Endpoint, Is.EqualTo("cons-sales"));
            Assert.That(detail.Host, Is.EqualTo("host-1"));
            Assert.That(detail.FailedQueue, Is.EqualTo("cons-sales"));
            Assert.That(detail.Summary.ExceptionType, Is.EqualTo("System.InvalidOperationException"));
            Assert.That(detail.Summary.ExceptionMessage, Is.EqualTo("card declined"));
            Assert.That(detail.StackTrace, Does.Contain("Failures.ThrowHere"));
            Assert.That(detail.Summary.LastFailed, Is.EqualTo(at));
            Assert.That(detail.Summary.Status, Is.EqualTo(FailureStatus.Unresolved));
            Assert.That(detail.Summary.Attempts, Is.EqualTo(1));
            Assert.That(detail.Headers[Headers.ConversationId], Is.EqualTo("conversation-msg-1"));
            Assert.That(detail.Body, Is.EqualTo("{\"orderId\":42}"));
            Assert.That(detail.AttemptHistory, Has.Count.EqualTo(1));
            Assert.That(detail.AttemptHistory[0].Headers[Headers.FailedQueue], Is.EqualTo("cons-sales"));
            Assert.That(detail.AttemptHistory[0].TimeOfFailure, Is.EqualTo(at));
        });
    }

    [Test]
    public async Task Should_add_an_attempt_when_the_same_message_fails_again()
    {
        await using var harness = await ConsoleHarness.Start();

        var first = await harness.InjectFailure("msg-2", exceptionMessage: "first", at: Clock.GetUtcNow().AddMinutes(-5));
        var second = await harness.InjectFailure("msg-2", exceptionMessage: "second", at: Clock.GetUtcNow());
        using var client = await harness.Login("reader");
        var list = await client.Failures();
        var detail = await client.Failure(first.FailureId!);

        Assert.Multiple(() =>
        {
            Assert.That(second.FailureId, Is.EqualTo(first.FailureId));
            Assert.That(list.Total, Is.EqualTo(1));
            Assert.That(detail.Summary.Attempts, Is.EqualTo(2));
            Assert.That(detail.AttemptHistory.Select(a => a.ExceptionMessage), Is.EqualTo(FirstThenSecond));
            Assert.That(detail.Summary.ExceptionMessage, Is.EqualTo("second"), "the failure shows its latest attempt");
        });
    }

    [Test]
    public async Task Should_leave_the_message_in_the_error_queue_until_it_is_stored()
    {
        await using var harness = await ConsoleHarness.Start();
        var database = harness.Services.GetRequiredService<ConsoleDatabase>();
        await using (var connection = await database.Open())
        {
            await connection.ExecuteAsync("ALTER TABLE console_attempts RENAME TO console_attempts_away");
        }

        var failed = harness.Changes.WaitFor(c => c.Kind == "IngestFailed" && c.MessageId == "msg-3");
        var stored = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "msg-3");
        var injecting = harness.InjectFailure("msg-3");
        await failed.WaitAsync(ConsoleHarness.Timeout);
        Assert.That(stored.IsCompleted, Is.False);

        await using (var connection = await database.Open())
        {
            await connection.ExecuteAsync("ALTER TABLE console_attempts_away RENAME TO console_attempts");
        }

        await stored.WaitAsync(ConsoleHarness.Timeout);
        await injecting;

        using var client = await harness.Login("reader");
        var list = await client.Failures();
        Assert.Multiple(() =>
        {
            Assert.That(list.Total, Is.EqualTo(1));
            Assert.That(list.Items[0].Attempts, Is.EqualTo(1), "the failed transaction left nothing behind");
        });
    }
}
