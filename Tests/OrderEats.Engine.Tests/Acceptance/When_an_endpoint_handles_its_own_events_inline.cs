using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_an_endpoint_handles_its_own_events_inline
{
    [Test]
    public async Task Should_handle_them_in_the_publishing_message_unit_of_work_and_still_publish_to_others()
    {
        await using var harness = new EndpointHarness();
        await harness.Start("acc-inline-other", c => c.AddHandler<OtherSubscriber>());
        var endpoint = await harness.Start("acc-inline", c =>
        {
            c.AddHandler<ShipHandler>();
            c.AddHandler<InlineProjection>();
            c.HandleInline<Shipped>();
            c.Routing.RouteToEndpoint<Ship>("acc-inline");
        });

        await endpoint.Send(new Ship(7));

        Assert.Multiple(async () =>
        {
            Assert.That(await harness.Signals.WaitFor<string>("inline-message-id"), Is.EqualTo(await harness.Signals.WaitFor<string>("ship-message-id")),
                "the inline handler ran with the publishing message's context");
            Assert.That(await harness.Signals.WaitFor<int>("other"), Is.EqualTo(7), "other subscribers still receive the event");
            Assert.That(harness.Signals.Count("inline"), Is.EqualTo(2), "the inline handler failed once and ran again with the whole message");
            Assert.That(harness.Signals.Count("ship"), Is.EqualTo(2), "the publishing handler ran again because the inline failure rolled back its message");
            Assert.That(harness.Signals.Count("other-received"), Is.EqualTo(1), "the failed attempt published nothing");
        });
    }

    [Test]
    public async Task Should_not_subscribe_and_should_remove_an_earlier_subscription()
    {
        await using var harness = new EndpointHarness();
        var subscribers = Path.Combine(harness.Folder, ".subscriptions", MessageTypeRegistry.ContractName(typeof(Shipped)));
        Directory.CreateDirectory(subscribers);
        var earlier = Path.Combine(subscribers, "acc-inline");
        await File.WriteAllBytesAsync(earlier, []);

        await harness.Start("acc-inline", c =>
        {
            c.AddHandler<InlineProjection>();
            c.HandleInline<Shipped>();
        });

        Assert.That(File.Exists(earlier), Is.False, "the subscription an earlier version made was removed");
    }

    [Test]
    public async Task Should_refuse_to_start_when_a_saga_handles_the_inline_event()
    {
        await using var harness = new EndpointHarness();
        Assert.That(
            async () => await harness.Start("acc-inline-saga", c =>
            {
                c.AddHandler<ShippedSaga>();
                c.HandleInline<Shipped>();
            }),
            Throws.InvalidOperationException.With.Message.Contains("saga ShippedSaga handles it too"));
    }

    [Test]
    public async Task Should_refuse_to_start_without_a_handler_for_the_inline_event()
    {
        await using var harness = new EndpointHarness();
        Assert.That(
            async () => await harness.Start("acc-inline-none", c =>
            {
                c.AddHandler<ShipHandler>();
                c.HandleInline<Shipped>();
            }),
            Throws.InvalidOperationException.With.Message.Contains("has no handler for it"));
    }

    public sealed record Ship(int Number) : ICommand;

    public sealed record Shipped(int Number) : IEvent;

    public sealed class ShipHandler(Signals signals) : IHandleMessages<Ship>
    {
        public async Task Handle(Ship message, IMessageHandlerContext context)
        {
            signals.Increment("ship");
            signals.Set("ship-message-id", context.MessageId);
            await context.Publish(new Shipped(message.Number));
        }
    }

    public sealed class InlineProjection(Signals signals) : IHandleMessages<Shipped>
    {
        public Task Handle(Shipped message, IMessageHandlerContext context)
        {
            if (signals.Increment("inline") == 1)
            {
                throw new InvalidOperationException("The projection fails on its first attempt.");
            }

            signals.Set("inline-message-id", context.MessageId);
            return Task.CompletedTask;
        }
    }

    public sealed class OtherSubscriber(Signals signals) : IHandleMessages<Shipped>
    {
        public Task Handle(Shipped message, IMessageHandlerContext context)
        {
            signals.Increment("other-received");
            signals.Set("other", message.Number);
            return Task.CompletedTask;
        }
    }

    public sealed class ShippedData : ContainSagaData
    {
        public int Number { get; set; }
    }

    public sealed class ShippedSaga : Saga<ShippedData>, IAmStartedByMessages<Shipped>
    {
        public Task Handle(Shipped message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<ShippedData> mapper) =>
            mapper.MapSaga(d => d.Number).ToMessage<Shipped>(m => m.Number);
    }
}
