using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_timeouts_are_cancelled
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid timerId = Guid.NewGuid();
    private TestableSaga<TimerSaga, TimerSagaData> saga = null!;

    [SetUp]
    public async Task Start_timers()
    {
        saga = new TestableSaga<TimerSaga, TimerSagaData>(clock => new TimerSaga(clock), Start);
        await saga.Handle(new StartTimers(timerId, [10, 20]));
    }

    [Test]
    public async Task Should_not_fire_them()
    {
        await saga.Handle(new StopTimers(timerId, Complete: false));
        var fired = await saga.AdvanceTime(TimeSpan.FromHours(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Empty);
            Assert.That(saga.PendingTimeouts, Is.Empty);
            Assert.That(saga.GetSagaData(timerId)!.Fired, Is.Empty);
        }
    }

    [Test]
    public async Task Should_keep_a_timeout_requested_again_in_the_same_handler()
    {
        await saga.AdvanceTime(TimeSpan.FromMinutes(5));
        await saga.Handle(new RestartTimers(timerId, DelayInMinutes: 10));
        var fired = await saga.AdvanceTime(TimeSpan.FromHours(1));
        Assert.That(saga.GetSagaData(timerId)!.Fired, Is.EqualTo(new[] { "10@09:15" }));
        Assert.That(fired, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Should_drop_them_all_when_the_saga_completes()
    {
        var result = await saga.Handle(new StopTimers(timerId, Complete: true));
        var fired = await saga.AdvanceTime(TimeSpan.FromHours(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Completed, Is.True);
            Assert.That(fired, Is.Empty);
            Assert.That(saga.GetSagaData(timerId), Is.Null);
        }
    }
}
