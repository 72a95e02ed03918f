namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_an_event_is_published
{
    [Test]
    public async Task Should_reach_subscribers_of_its_type_and_of_its_base_type()
    {
        await using var harness = new EndpointHarness();
        await harness.Start("acc-concrete", c => c.AddHandler<ConcreteHandler>());
        await harness.Start("acc-base", c => c.AddHandler<BaseHandler>());
        var publisher = await harness.Start("acc-publisher", _ => { });

        await publisher.Publish(new OrderShipped(42));

        Assert.Multiple(async () =>
        {
            Assert.That(await harness.Signals.WaitFor<int>("concrete"), Is.EqualTo(42));
            Assert.That(await harness.Signals.WaitFor<int>("base"), Is.EqualTo(42));
        });
    }

    public interface IOrderHappened : IEvent
    {
        int Number { get; }
    }

    public sealed record OrderShipped(int Number) : IOrderHappened;

    public sealed class ConcreteHandler(Signals signals) : IHandleMessages<OrderShipped>
    {
        public Task Handle(OrderShipped message, IMessageHandlerContext context)
        {
            signals.Set("concrete", message.Number);
            return Task.CompletedTask;
        }
    }

    public sealed class BaseHandler(Signals signals) : IHandleMessages<IOrderHappened>
    {
        public Task Handle(IOrderHappened message, IMessageHandlerContext context)
        {
            signals.Set("base", message.Number);
            return Task.CompletedTask;
        }
    }
}
