namespace OrderEats.Engine.Tests.Acceptance;

// Issue 17: the console showed "Attempts 1" for a message processed 9 times. The error queue copy now says how often it was processed.
[TestFixture]
public class When_a_message_exhausts_its_retries
{
    [Test]
    public async Task Should_carry_every_processing_attempt_into_the_error_queue()
    {
        await using var harness = new EndpointHarness();
        var errors = await harness.Watch("error");
        var endpoint = await harness.Start("acc-counted", c =>
        {
            c.AddHandler<When_a_handler_fails.FlakyHandler>();
            c.Recoverability.ImmediateRetries = 2;
            c.Recoverability.DelayedRetries = 2;
        });

        await endpoint.Send(new When_a_handler_fails.Flaky(FailTimes: 100), new SendOptions { Destination = "acc-counted", MessageId = "counted-1" });
        var failed = await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Signals.Count("flaky-attempt"), Is.EqualTo(9));
            Assert.That(failed.Headers[Headers.ProcessingAttempts], Is.EqualTo("9"), "(1 + 2 immediate) × (1 + 2 delayed)");
        });
    }
}
