using OrderEats.Engine.Testing;
using OrderEats.Messages.Replies;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_message_finds_no_saga
{
    [Test]
    public async Task Should_not_call_the_handler()
    {
        var saga = new TestableSaga<TimerSaga, TimerSagaData>(clock => new TimerSaga(clock));
        var result = await saga.Handle(new Pong(Guid.NewGuid(), "lost"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SagaNotFound, Is.True);
            Assert.That(result.SagaDataSnapshot, Is.Null);
            Assert.That(result.Completed, Is.False);
        }
    }

    [Test]
    public async Task Should_not_create_an_instance_for_a_message_that_does_not_start_the_saga()
    {
        var saga = new TestableSaga<OrderSaga, OrderSagaData>();
        var orderId = Guid.NewGuid();
        var result = await saga.Handle(new PaymentCharged(orderId, Guid.NewGuid(), new Messages.Money(1m, "EUR")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SagaNotFound, Is.True);
            Assert.That(result.SentMessages, Is.Empty);
            Assert.That(saga.GetSagaData(orderId), Is.Null);
        }
    }

    [Test]
    public void Should_reject_a_message_the_saga_does_not_handle()
    {
        var saga = new TestableSaga<TimerSaga, TimerSagaData>(clock => new TimerSaga(clock));
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => saga.Handle(new Ping(Guid.NewGuid())));
        Assert.That(error.Message, Does.StartWith("Saga TimerSaga does not handle message Ping."));
    }
}
