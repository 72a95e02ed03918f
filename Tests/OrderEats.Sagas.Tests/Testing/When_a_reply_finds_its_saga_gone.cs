using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_reply_finds_its_saga_gone
{
    [Test]
    public async Task Should_not_start_a_new_instance_even_for_a_message_that_starts_the_saga()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>();
        var id = Guid.NewGuid();
        var start = await saga.Handle(new StartCountdown(id, From: 1));
        await saga.HandleQueuedMessage();

        var late = await saga.HandleReply(start.SagaId, new StartCountdown(id, From: 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(late.SagaNotFound, Is.True);
            Assert.That(saga.GetSagaData(id), Is.Null);
        }
    }
}
