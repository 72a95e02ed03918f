using OrderEats.Engine;
using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_reply_is_simulated
{
    private readonly Guid timerId = Guid.NewGuid();
    private TestableSaga<TimerSaga, TimerSagaData> saga = null!;

    [SetUp]
    public void Create()
    {
        saga = new TestableSaga<TimerSaga, TimerSagaData>(clock => new TimerSaga(clock));
        saga.SimulateReply<Ping, Pong>(ping => new Pong(ping.TimerId, "pong"));
    }

    [Test]
    public async Task Should_queue_the_reply_when_the_saga_sends_the_message()
    {
        Assert.That(saga.QueueLength, Is.Zero);
        await saga.Handle(new StartTimers(timerId, []));
        Assert.That(saga.QueueLength, Is.EqualTo(1));
    }

    [Test]
    public async Task Should_deliver_the_reply_to_the_instance_that_sent_the_message()
    {
        var start = await saga.Handle(new StartTimers(timerId, []));
        var reply = await saga.HandleQueuedMessage();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.HandledMessage, Is.EqualTo(new Pong(timerId, "pong")));
            Assert.That(reply.SagaDataSnapshot!.Pongs, Is.EqualTo(new[] { "pong" }));
            Assert.That(reply.Context.MessageHeaders[Headers.SagaId], Is.EqualTo(start.SagaDataSnapshot!.Id.ToString()));
            Assert.That(saga.QueueLength, Is.Zero);
        }
    }

    [Test]
    public void Should_say_so_when_nothing_is_queued()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => saga.HandleQueuedMessage());
        Assert.That(error.Message, Does.StartWith("No message is queued for saga TimerSaga."));
    }
}
