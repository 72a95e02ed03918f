using System.Text;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_a_handler_fails
{
    private static readonly string[] PoisonIds = ["bad-body", "unknown-type", "no-type"];

    [Test]
    public async Task Should_succeed_on_an_immediate_retry()
    {
        await using var harness = new EndpointHarness();
        var endpoint = await harness.Start("acc-flaky", c => c.AddHandler<FlakyHandler>());

        await endpoint.Send(new Flaky(FailTimes: 3), new SendOptions { Destination = "acc-flaky" });

        Assert.That(await harness.Signals.WaitFor<int>("flaky-done"), Is.EqualTo(4));
    }

    [Test]
    public async Task Should_succeed_on_a_delayed_retry_after_the_immediate_ones()
    {
        await using var harness = new EndpointHarness();
        var endpoint = await harness.Start("acc-flaky", c =>
        {
            c.AddHandler<FlakyHandler>();
            c.Recoverability.ImmediateRetries = 1;
        });

        await endpoint.Send(new Flaky(FailTimes: 3), new SendOptions { Destination = "acc-flaky" });

        Assert.That(await harness.Signals.WaitFor<int>("flaky-done"), Is.EqualTo(4));
    }

    [Test]
    public async Task Should_move_the_message_to_error_with_failure_headers_after_all_retries()
    {
        await using var harness = new EndpointHarness();
        var errors = await harness.Watch("error");
        var endpoint = await harness.Start("acc-flaky", c =>
        {
            c.AddHandler<FlakyHandler>();
            c.Recoverability.ImmediateRetries = 2;
            c.Recoverability.DelayedRetries = 2;
        });

        await endpoint.Send(new Flaky(FailTimes: 100), new SendOptions { Destination = "acc-flaky", MessageId = "doomed-1" });
        var failed = await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(failed.MessageId, Is.EqualTo("doomed-1"));
            Assert.That(harness.Signals.Count("flaky-attempt"), Is.EqualTo(9), "(1 + 2 immediate) × (1 + 2 delayed)");
            Assert.That(failed.Headers[Headers.FailedQueue], Is.EqualTo("acc-flaky"));
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo("System.InvalidOperationException"));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Is.EqualTo("flaky attempt 9"));
            Assert.That(failed.Headers[Headers.DelayedRetries], Is.EqualTo("2"));
            Assert.That(failed.Headers, Does.ContainKey(Headers.TimeOfFailure));
            Assert.That(failed.Headers, Does.ContainKey(Headers.ProcessingMachine));
            Assert.That(Encoding.UTF8.GetString(failed.Body.Span), Is.EqualTo("{\"failTimes\":100}"));
        });
    }

    [Test]
    public async Task Should_move_an_unrecoverable_exception_to_error_without_retries()
    {
        await using var harness = new EndpointHarness();
        var errors = await harness.Watch("error");
        var endpoint = await harness.Start("acc-flaky", c =>
        {
            c.AddHandler<FlakyHandler>();
            c.Recoverability.AddUnrecoverableException<InvalidOperationException>();
        });

        await endpoint.Send(new Flaky(FailTimes: 100), new SendOptions { Destination = "acc-flaky" });
        await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.That(harness.Signals.Count("flaky-attempt"), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_move_poison_messages_to_error_and_keep_processing_others()
    {
        await using var harness = new EndpointHarness();
        var errors = await harness.Watch("error");
        await harness.Start("acc-flaky", c => c.AddHandler<FlakyHandler>());
        var raw = harness.RawTransport();
        var type = typeof(Flaky).FullName!.Replace('+', '.');

        await raw.Dispatch([
            TransportOperation.Send(Raw("bad-body", type, "{not json"), "acc-flaky"),
            TransportOperation.Send(Raw("unknown-type", "Nobody.Knows.This", "{}"), "acc-flaky"),
            TransportOperation.Send(Raw("no-type", null, "{}"), "acc-flaky"),
            TransportOperation.Send(Raw("good", type, "{\"failTimes\":0}"), "acc-flaky"),
        ]);

        Assert.That(await harness.Signals.WaitFor<int>("flaky-done"), Is.EqualTo(1));
        var failed = new Dictionary<string, IncomingMessage>();
        for (var i = 0; i < 3; i++)
        {
            var message = await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
            failed[message.MessageId] = message;
        }

        Assert.Multiple(() =>
        {
            Assert.That(failed.Keys, Is.EquivalentTo(PoisonIds));
            Assert.That(failed.Values.Select(m => m.Headers[Headers.ExceptionType]), Has.All.EqualTo("OrderEats.Engine.Recoverability.MessageDeserializationException"));
            Assert.That(failed["unknown-type"].Headers[Headers.ExceptionMessage], Does.Contain("Nobody.Knows.This"));
            Assert.That(harness.Signals.Count("flaky-attempt"), Is.EqualTo(1), "poison messages never reach a handler");
        });
    }

    private static OutgoingMessage Raw(string id, string? type, string body)
    {
        var headers = new Dictionary<string, string> { [Headers.MessageId] = id };
        if (type is not null)
        {
            headers[Headers.EnclosedMessageTypes] = type;
        }

        return new OutgoingMessage(id, headers, Encoding.UTF8.GetBytes(body));
    }

    public sealed record Flaky(int FailTimes) : ICommand;

    public sealed class FlakyHandler(Signals signals) : IHandleMessages<Flaky>
    {
        public Task Handle(Flaky message, IMessageHandlerContext context)
        {
            var attempt = signals.Increment("flaky-attempt");
            if (attempt <= message.FailTimes)
            {
                throw new InvalidOperationException($"flaky attempt {attempt}");
            }

            signals.Set("flaky-done", attempt);
            return Task.CompletedTask;
        }
    }
}
