using OrderEats.Engine;
using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_saga_replies_to_its_originator
{
    [Test]
    public async Task Should_record_a_reply_to_the_originator_not_a_send()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>();
        var id = Guid.NewGuid();
        await saga.Handle(new StartCountdown(id, From: 1), new TestableMessageHandlerContext { MessageId = "start-1", ReplyToAddress = "clock-ui" });

        var last = await saga.HandleQueuedMessage();

        var reply = last.RepliedMessages.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Message, Is.EqualTo(new CountdownFinished(id, 1)));
            Assert.That(reply.Options.Destination, Is.EqualTo("clock-ui"));
            Assert.That(reply.Options.Headers[Headers.CorrelationId], Is.EqualTo("start-1"));
            Assert.That(last.SentMessages, Is.Empty);
            Assert.That(last.FindReplyMessage<CountdownFinished>(), Is.Not.Null);
        }
    }

    [Test]
    public async Task Should_supply_an_originator_when_the_test_sets_no_reply_to_address()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>();
        await saga.Handle(new StartCountdown(Guid.NewGuid(), From: 1));

        var last = await saga.HandleQueuedMessage();

        Assert.That(last.RepliedMessages.Single().Options.Destination, Is.EqualTo(TestableMessageHandlerContext.DefaultReplyToAddress));
    }

    [Test]
    public async Task Should_refuse_like_an_endpoint_when_the_starting_message_had_no_reply_to_address()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>();
        await saga.Handle(new StartCountdown(Guid.NewGuid(), From: 1), new TestableMessageHandlerContext { ReplyToAddress = null });

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => saga.HandleQueuedMessage());

        Assert.That(error!.Message, Does.Contain("cannot reply to its originator"));
    }
}
