using System.Collections.Concurrent;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_a_dependency_is_down_for_a_while
{
    private const int Messages = 10;
    private const int ImmediateRetries = 3;
    private static readonly bool[] InThenOut = [true, false];

    [Test]
    public async Task Should_throttle_keep_every_message_out_of_error_and_return_to_full_speed()
    {
        await using var harness = new EndpointHarness();
        var endpoint = await harness.Start("acc-gateway", c =>
        {
            c.AddHandler<CallGatewayHandler>();
            c.AddHandler<HoldHandler>();
            c.Recoverability.ImmediateRetries = ImmediateRetries;
            c.Recoverability.DelayedRetries = 0;
            c.Recoverability.ThrottleAfterConsecutiveFailures = 2;
            c.Recoverability.ThrottledDelay = TimeSpan.FromMilliseconds(10);
        });
        var transitions = new ConcurrentQueue<bool>();
        endpoint.ThrottleChanged += (_, e) =>
        {
            transitions.Enqueue(e.Throttled);
            if (e.Throttled)
            {
                harness.Signals.Set("throttled");
            }
        };

        for (var i = 0; i < Messages; i++)
        {
            await endpoint.Send(new CallGateway(i), new SendOptions { Destination = "acc-gateway" });
        }

        await harness.Signals.WaitFor("throttled");
        await harness.Signals.WaitFor("many-throttled-attempts");
        var throttledMeanwhile = endpoint.IsThrottled;
        harness.Signals.Set("gateway-up");
        await harness.Signals.WaitFor("all-processed");

        await endpoint.Send(new Hold(), new SendOptions { Destination = "acc-gateway" });
        await endpoint.Send(new Hold(), new SendOptions { Destination = "acc-gateway" });
        await harness.Signals.WaitFor("holds-done");
        var errors = await ((IQueueDepth)endpoint.Transport).Count("error");

        Assert.Multiple(() =>
        {
            Assert.That(throttledMeanwhile, Is.True, "throttled while the gateway was down");
            Assert.That(harness.Signals.Count("throttled-attempt"), Is.GreaterThan(2 * (ImmediateRetries + 1)), "failed attempts while throttled do not spend the retries");
            Assert.That(harness.Signals.Count("processed"), Is.EqualTo(Messages));
            Assert.That(errors, Is.Zero, "nothing reached the error queue");
            Assert.That(transitions, Is.EqualTo(InThenOut));
            Assert.That(endpoint.IsThrottled, Is.False);
        });
    }

    public sealed record CallGateway(int Number) : ICommand;

    public sealed record Hold : ICommand;

    public sealed class CallGatewayHandler(Signals signals) : IHandleMessages<CallGateway>
    {
        public async Task Handle(CallGateway message, IMessageHandlerContext context)
        {
            if (signals.IsSet("gateway-up"))
            {
                if (signals.Increment("processed") == Messages)
                {
                    signals.Set("all-processed");
                }

                return;
            }

            if (signals.IsSet("throttled"))
            {
                if (signals.Increment("throttled-attempt") == 3 * (ImmediateRetries + 1))
                {
                    signals.Set("many-throttled-attempts");
                }
            }
            else
            {
                // Two different messages fail together before the switch, so no single message can spend its retries first.
                if (signals.Increment("entered-down") >= 2)
                {
                    signals.Set("two-failing");
                }

                await signals.WaitFor("two-failing");
            }

            throw new InvalidOperationException($"The gateway is down (call {message.Number}).");
        }
    }

    public sealed class HoldHandler(Signals signals) : IHandleMessages<Hold>
    {
        // Both holds must be in their handlers at once: only possible when the endpoint runs more than one message again.
        public async Task Handle(Hold message, IMessageHandlerContext context)
        {
            if (signals.Increment("holding") == 2)
            {
                signals.Set("two-holding");
            }

            await signals.WaitFor("two-holding");
            if (signals.Increment("held") == 2)
            {
                signals.Set("holds-done");
            }
        }
    }
}
