using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_the_audit_cannot_keep_up
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Test]
    public async Task Should_drop_records_without_blocking_when_the_buffer_is_full_and_send_the_rest_in_batches()
    {
        var transport = new HeldTransport();
        var settings = new ConsoleReportingSettings { AuditBufferCapacity = 2, AuditBatchSize = 10 };
        var dispatcher = new AuditDispatcher(transport, "audit", "ep", "host", settings, TimeProvider.System, NullLogger.Instance);
        dispatcher.Start();

        dispatcher.Enqueue(Entry());
        await transport.FirstDispatch.Task.WaitAsync(Signals.Timeout); // the drain loop holds one batch in a send that does not return
        for (var i = 0; i < 5; i++)
        {
            dispatcher.Enqueue(Entry()); // returns at once: 2 fit the buffer, 3 are dropped
        }

        Assert.That(dispatcher.Dropped, Is.EqualTo(3));
        transport.Release.SetResult();
        await dispatcher.DisposeAsync();
        Assert.That(transport.Sent, Is.EqualTo(new List<int> { 1, 2 }), "the held batch of one, then the two buffered records in one batch");
    }

    [Test]
    public async Task Should_drop_a_batch_the_transport_refuses_and_keep_sending()
    {
        var transport = new HeldTransport { FailFirst = true };
        transport.Release.SetResult();
        var dispatcher = new AuditDispatcher(transport, "audit", "ep", "host", new ConsoleReportingSettings(), TimeProvider.System, NullLogger.Instance);
        dispatcher.Start();

        dispatcher.Enqueue(Entry());
        await transport.FirstDispatch.Task.WaitAsync(Signals.Timeout);
        dispatcher.Enqueue(Entry());
        await dispatcher.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(dispatcher.Dropped, Is.EqualTo(1));
            Assert.That(transport.Sent, Is.EqualTo(new List<int> { 1 }));
        });
    }

    private static SagaAuditEntry Entry() => new(
        "Saga", Guid.NewGuid(), "1", "ep", Clock.GetUtcNow(), new AuditedMessage("m", "T", "Send", null, null, null, null, new Dictionary<string, string>(), "{}"),
        IsNew: true, Completed: false, null, "{}", [], [], [], [], null);

    private sealed class HeldTransport : ITransport
    {
        public TaskCompletionSource FirstDispatch { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> Sent { get; } = [];

        public bool FailFirst { get; init; }

        public async Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default)
        {
            var first = FirstDispatch.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            if (first && FailFirst)
            {
                throw new InvalidOperationException("broker down");
            }

            var batch = System.Text.Json.JsonSerializer.Deserialize<List<SagaAuditEntry>>(operations[0].Message.Body.Span, ControlMessages.Json)!;
            lock (Sent)
            {
                Sent.Add(batch.Count);
            }
        }

        public Task Setup(TransportSetup setup, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IAsyncDisposable> Receive(ReceiveSettings settings, OnMessage onMessage, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
