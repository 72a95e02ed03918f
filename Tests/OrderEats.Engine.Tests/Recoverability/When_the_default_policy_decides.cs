using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.Tests.Recoverability;

[TestFixture]
public class When_the_default_policy_decides
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static RecoverabilityConfig Config(int immediate = 5, int delayed = 3) => new(
        immediate, delayed, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), 0.2, TimeSpan.FromHours(24), "error", [typeof(MessageDeserializationException)]);

    private static ErrorContext Failure(int immediateFailures, int delayedDone = 0, Exception? exception = null, DateTimeOffset? firstFailure = null, double jitter = 0.5) =>
        new(exception ?? new InvalidOperationException("boom"), "m1", new Dictionary<string, string>(), immediateFailures, delayedDone, firstFailure ?? Now, Now, jitter);

    [TestCase(1)]
    [TestCase(5)]
    public void Should_retry_immediately_while_immediate_retries_remain(int failures) =>
        Assert.That(DefaultRecoverabilityPolicy.Invoke(Config(), Failure(failures)), Is.TypeOf<ImmediateRetryAction>());

    [Test]
    public void Should_delay_after_the_immediate_retries_are_used_up() =>
        Assert.That(DefaultRecoverabilityPolicy.Invoke(Config(), Failure(6)), Is.EqualTo(new DelayedRetryAction(TimeSpan.FromSeconds(10))));

    [Test]
    public void Should_double_the_delay_for_each_delayed_retry()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DefaultRecoverabilityPolicy.Invoke(Config(), Failure(6, delayedDone: 1)), Is.EqualTo(new DelayedRetryAction(TimeSpan.FromSeconds(20))));
            Assert.That(DefaultRecoverabilityPolicy.Invoke(Config(), Failure(6, delayedDone: 2)), Is.EqualTo(new DelayedRetryAction(TimeSpan.FromSeconds(40))));
        });
    }

    [Test]
    public void Should_spread_delays_by_the_jitter_fraction()
    {
        var config = Config();
        Assert.Multiple(() =>
        {
            Assert.That(DefaultRecoverabilityPolicy.DelayFor(config, 1, 0.0), Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(DefaultRecoverabilityPolicy.DelayFor(config, 1, 0.999999), Is.EqualTo(TimeSpan.FromSeconds(12)).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public void Should_cap_a_single_delay_at_the_maximum()
    {
        var config = Config() with { JitterFraction = 0 };
        Assert.That(DefaultRecoverabilityPolicy.DelayFor(config, 20, 0.5), Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void Should_move_to_error_when_delayed_retries_are_used_up() =>
        Assert.That(DefaultRecoverabilityPolicy.Invoke(Config(), Failure(6, delayedDone: 3)), Is.EqualTo(new MoveToErrorAction("error")));

    [Test]
    public void Should_move_to_error_when_the_next_retry_would_pass_the_cap() =>
        Assert.That(
            DefaultRecoverabilityPolicy.Invoke(Config(), Failure(6, delayedDone: 1, firstFailure: Now - TimeSpan.FromHours(23.999))),
            Is.TypeOf<MoveToErrorAction>());

    [Test]
    public void Should_move_unrecoverable_exceptions_to_error_on_the_first_failure() =>
        Assert.That(
            DefaultRecoverabilityPolicy.Invoke(Config(), Failure(1, exception: new MessageDeserializationException("bad body"))),
            Is.EqualTo(new MoveToErrorAction("error")));

    [Test]
    public void Should_treat_a_wrapped_unrecoverable_exception_as_unrecoverable() =>
        Assert.That(
            DefaultRecoverabilityPolicy.Invoke(Config(), Failure(1, exception: new InvalidOperationException("outer", new MessageDeserializationException("inner")))),
            Is.TypeOf<MoveToErrorAction>());

    [Test]
    public void Should_skip_straight_to_delayed_retries_when_immediate_retries_are_off() =>
        Assert.That(DefaultRecoverabilityPolicy.Invoke(Config(immediate: 0), Failure(1)), Is.TypeOf<DelayedRetryAction>());

    [Test]
    public void Should_let_a_custom_policy_discard_and_defer_to_the_default_otherwise()
    {
        RecoverabilityPolicy custom = (config, context) => context.Exception is TimeoutException
            ? RecoverabilityAction.Discard("stale")
            : DefaultRecoverabilityPolicy.Invoke(config, context);
        Assert.Multiple(() =>
        {
            Assert.That(custom(Config(), Failure(1, exception: new TimeoutException())), Is.EqualTo(new DiscardAction("stale")));
            Assert.That(custom(Config(), Failure(1)), Is.TypeOf<ImmediateRetryAction>());
        });
    }
}
