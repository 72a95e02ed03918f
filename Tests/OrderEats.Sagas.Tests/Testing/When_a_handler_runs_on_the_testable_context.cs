using Microsoft.Extensions.Time.Testing;
using OrderEats.Engine;
using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_handler_runs_on_the_testable_context
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Test]
    public async Task Should_record_sends_publishes_and_replies_with_their_options()
    {
        var context = new TestableMessageHandlerContext();
        var charge = new ChargePayment(Guid.NewGuid(), Guid.NewGuid(), new Money(3m, "EUR"));
        await context.Send(charge, new SendOptions { Destination = "payments" });
        await context.SendLocal(new Ping(Guid.NewGuid()));
        await context.Publish(new OrderReady(Guid.NewGuid(), Guid.NewGuid()));
        await context.Reply(new Pong(Guid.NewGuid(), "hi"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.SentMessages, Has.Count.EqualTo(2));
            Assert.That(context.SentMessages[0].Destination, Is.EqualTo("payments"));
            Assert.That(context.SentMessages[0].IsLocal, Is.False);
            Assert.That(context.SentMessages[1].IsLocal, Is.True);
            Assert.That(context.FindSentMessage<ChargePayment>(), Is.SameAs(charge));
            Assert.That(context.FindPublishedMessage<OrderReady>(), Is.Not.Null);
            Assert.That(context.RepliedMessages, Has.Count.EqualTo(1));
            Assert.That(context.TimeoutMessages, Is.Empty);
        }
    }

    [Test]
    public async Task Should_record_timeouts_apart_with_their_due_time()
    {
        var context = new TestableMessageHandlerContext();
        var deliverAt = Clock.GetUtcNow().AddMinutes(3);
        var options = new SendOptions { DeliverAt = deliverAt };
        options.Headers[Headers.IsSagaTimeout] = bool.TrueString;
        await context.SendLocal(new KitchenTimeout(), options);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.SentMessages, Is.Empty);
            Assert.That(context.TimeoutMessages.Single().DeliverAt, Is.EqualTo(deliverAt));
            Assert.That(context.TimeoutMessages.Single().Within, Is.EqualTo(TimeSpan.FromMinutes(3)));
        }
    }

    [Test]
    public async Task Should_turn_a_delay_into_a_due_time_on_the_contexts_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var context = new TestableMessageHandlerContext(clock);
        var options = new SendOptions { DeliveryDelay = TimeSpan.FromMinutes(5) };
        options.Headers[Headers.IsSagaTimeout] = bool.TrueString;
        await context.SendLocal(new KitchenTimeout(), options);
        Assert.That(context.TimeoutMessages.Single().DeliverAt, Is.EqualTo(new DateTimeOffset(2030, 5, 1, 8, 5, 0, TimeSpan.Zero)));
    }

    [TestCase(1500)]
    [TestCase(250)]
    [TestCase(90_000)]
    public async Task Should_recover_the_exact_delay_a_saga_asked_for(int milliseconds)
    {
        var context = new TestableMessageHandlerContext();
        var options = new SendOptions { DeliverAt = Clock.GetUtcNow() + TimeSpan.FromMilliseconds(milliseconds) };
        options.Headers[Headers.IsSagaTimeout] = bool.TrueString;
        await context.SendLocal(new KitchenTimeout(), options);
        Assert.That(context.TimeoutMessages.Single().Within, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Test]
    public void Should_explain_that_storage_needs_a_real_persistence()
    {
        var context = new TestableMessageHandlerContext();
        var error = Assert.Throws<InvalidOperationException>(() => _ = context.Storage);
        Assert.That(error.Message, Does.Contain("needs a real persistence"));
        Assert.That(context.ReplyToAddress, Is.EqualTo(TestableMessageHandlerContext.DefaultReplyToAddress));
    }

    [Test]
    public async Task Should_record_forwarding_and_a_stopped_dispatch()
    {
        var context = new TestableMessageHandlerContext();
        await context.ForwardCurrentMessageTo("audit");
        context.DoNotContinueDispatchingCurrentMessageToHandlers();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.ForwardedMessages, Is.EqualTo(new[] { "audit" }));
            Assert.That(context.HandlerInvocationAborted, Is.True);
        }
    }
}
