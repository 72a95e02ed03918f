using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_time_advances
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid timerId = Guid.NewGuid();
    private TestableSaga<TimerSaga, TimerSagaData> saga = null!;

    [SetUp]
    public void Create() => saga = new TestableSaga<TimerSaga, TimerSagaData>(clock => new TimerSaga(clock), Start);

    [Test]
    public async Task Should_fire_due_timeouts_in_due_order_whatever_order_they_were_requested_in()
    {
        await saga.Handle(new StartTimers(timerId, [30, 10, 20]));
        var fired = await saga.AdvanceTime(TimeSpan.FromHours(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired.Select(r => r.HandledMessage), Is.EqualTo(new[] { new Tick(10, 0), new Tick(20, 0), new Tick(30, 0) }));
            Assert.That(saga.GetSagaData(timerId)!.Fired, Is.EqualTo(new[] { "10@09:10", "20@09:20", "30@09:30" }), "each runs with the clock at its due time");
            Assert.That(saga.CurrentTime, Is.EqualTo(Start.AddHours(1)));
        }
    }

    [Test]
    public async Task Should_not_fire_timeouts_that_are_not_due()
    {
        await saga.Handle(new StartTimers(timerId, [30, 10, 20]));
        var fired = await saga.AdvanceTime(TimeSpan.FromMinutes(15));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired.Select(r => r.HandledMessage), Is.EqualTo(new[] { new Tick(10, 0) }));
            Assert.That(saga.PendingTimeouts.Select(t => t.Due), Is.EqualTo(new[] { Start.AddMinutes(20), Start.AddMinutes(30) }));
        }
    }

    [Test]
    public async Task Should_fire_exactly_at_the_due_time_and_not_a_tick_before()
    {
        await saga.Handle(new StartTimers(timerId, [10]));
        var early = await saga.AdvanceTime(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        var due = await saga.AdvanceTime(TimeSpan.FromTicks(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(early, Is.Empty);
            Assert.That(due, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Should_fire_timeouts_requested_by_timeouts_when_they_fall_in_the_window()
    {
        await saga.Handle(new StartTimers(timerId, [10], ChainAfterMinutes: 5));
        var fired = await saga.AdvanceTime(TimeSpan.FromMinutes(20));
        Assert.That(saga.GetSagaData(timerId)!.Fired, Is.EqualTo(new[] { "10@09:10", "15@09:15" }));
        Assert.That(fired, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Should_measure_delays_from_the_virtual_time_of_the_request()
    {
        await saga.AdvanceTime(TimeSpan.FromMinutes(7));
        var result = await saga.Handle(new StartTimers(timerId, [10]));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.TimeoutMessages.Single().Within, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(saga.PendingTimeouts.Single().Due, Is.EqualTo(Start.AddMinutes(17)));
        }
    }

    [Test]
    public void Should_refuse_to_go_back_in_time() =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => saga.AdvanceTime(TimeSpan.FromMinutes(-1)));
}
