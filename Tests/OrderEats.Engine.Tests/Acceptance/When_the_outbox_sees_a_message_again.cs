using System.Diagnostics.Metrics;
using System.Text;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_the_outbox_sees_a_message_again
{
    [Test]
    public async Task Should_run_the_handlers_once_and_dispatch_their_messages_once()
    {
        await using var harness = new EndpointHarness();
        var output = await harness.Watch("acc-out");
        await harness.Start("acc-outboxed", c =>
        {
            c.EnableOutbox();
            c.AddHandler<ForwardHandler>();
            c.Routing.RouteToEndpoint<Forwarded>("acc-out");
        });
        var raw = harness.RawTransport();
        // The copy must arrive after the first one was acknowledged (a redelivery), not while it is still in flight.
        var firstProcessed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = ProcessedListener("acc-outboxed", firstProcessed);

        await raw.Dispatch([TransportOperation.Send(Message("same-id", "first"), "acc-outboxed")]);
        var first = await output.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        await firstProcessed.Task.WaitAsync(Signals.Timeout);
        await raw.Dispatch([TransportOperation.Send(Message("same-id", "first"), "acc-outboxed")]);
        await raw.Dispatch([TransportOperation.Send(Message("marker-id", "marker"), "acc-outboxed")]);
        var next = await output.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(first.Body.Span), Does.Contain("first"));
            Assert.That(Encoding.UTF8.GetString(next.Body.Span), Does.Contain("marker"), "the duplicate dispatched nothing new");
            Assert.That(harness.Signals.Count("forwarded"), Is.EqualTo(2), "the handler ran once for the duplicate id and once for the marker");
        });
    }

    private static MeterListener ProcessedListener(string endpoint, TaskCompletionSource processed)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "OrderEats.Engine" && instrument.Name == "ordereats.messaging.processed")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "messaging.destination.name" && Equals(tag.Value, endpoint))
                {
                    processed.TrySetResult();
                }
            }
        });
        listener.Start();
        return listener;
    }

    private static OutgoingMessage Message(string id, string text) => new(
        id,
        new Dictionary<string, string>
        {
            [Headers.MessageId] = id,
            [Headers.EnclosedMessageTypes] = typeof(Forward).FullName!.Replace('+', '.'),
        },
        Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}"));

    public sealed record Forward(string Text) : ICommand;

    public sealed record Forwarded(string Text) : ICommand;

    public sealed class ForwardHandler(Signals signals) : IHandleMessages<Forward>
    {
        public Task Handle(Forward message, IMessageHandlerContext context)
        {
            signals.Increment("forwarded");
            return context.Send(new Forwarded(message.Text));
        }
    }
}
