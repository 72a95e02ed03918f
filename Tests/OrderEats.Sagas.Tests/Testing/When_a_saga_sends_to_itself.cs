using OrderEats.Engine;
using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_saga_sends_to_itself
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Should_queue_each_local_send_and_play_the_saga_to_its_end()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>(Start);
        var id = Guid.NewGuid();
        var start = await saga.Handle(new StartCountdown(id, From: 3));

        var results = new List<SagaHandleResult<CountdownSagaData>>();
        while (saga.HasQueuedMessages)
        {
            results.Add(await saga.HandleQueuedMessage());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(start.SentMessages.Single().IsLocal, Is.True);
            Assert.That(results.Select(r => r.HandledMessage), Is.EqualTo(new[] { new CountDown(id, 3, null), new CountDown(id, 2, null), new CountDown(id, 1, null) }));
            Assert.That(results[^1].Completed, Is.True);
            Assert.That(results[^1].SagaDataSnapshot!.Counted, Is.EqualTo(new[] { 3, 2, 1 }));
            Assert.That(results.Select(r => r.SagaId).Distinct(), Is.EqualTo(new[] { start.SagaId }));
            Assert.That(saga.GetSagaData(id), Is.Null);
        }
    }

    [Test]
    public async Task Should_hold_a_delayed_local_send_until_the_clock_reaches_it()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>(Start);
        var id = Guid.NewGuid();
        await saga.Handle(new StartCountdown(id, From: 2, StepDelay: TimeSpan.FromMinutes(5)));

        var early = await saga.AdvanceTime(TimeSpan.FromMinutes(4));
        var fired = await saga.AdvanceTime(TimeSpan.FromMinutes(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saga.QueueLength, Is.Zero, "a delayed send waits on the clock, not in the queue");
            Assert.That(early, Is.Empty);
            Assert.That(fired.Select(r => r.HandledMessage), Is.EqualTo(new[] { new CountDown(id, 2, TimeSpan.FromMinutes(5)), new CountDown(id, 1, TimeSpan.FromMinutes(5)) }));
            Assert.That(fired[^1].Completed, Is.True);
            Assert.That(saga.CurrentTime, Is.EqualTo(Start.AddMinutes(14)));
        }
    }

    [Test]
    public async Task Should_carry_the_saga_s_headers_like_an_endpoint_and_let_a_test_peek()
    {
        var saga = new TestableSaga<CountdownSaga, CountdownSagaData>();
        var start = await saga.Handle(new StartCountdown(Guid.NewGuid(), From: 1));

        var next = saga.QueuePeek();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(next.Type, Is.EqualTo(typeof(CountDown)));
            Assert.That(next.Headers[Headers.OriginatingSagaId], Is.EqualTo(start.SagaId.ToString()));
            Assert.That(saga.QueueLength, Is.EqualTo(1));
        }
    }
}
