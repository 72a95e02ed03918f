using OrderEats.Benchmarks.Messages;
using OrderEats.Engine;

namespace OrderEats.Benchmarks.EngineRuns;

// Sends the next hop; after the last hop starts the chain again (closed loop: the number of chains in flight stays constant).
internal sealed class ChainHopHandler(Progress progress, ChainSettings settings) : IHandleMessages<ChainHop>
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public Task Handle(ChainHop message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        progress.Increment();
        if (message.Hop < settings.Hops)
        {
            return context.SendLocal(message with { Hop = message.Hop + 1 });
        }

        progress.Latencies.Add(Clock.GetElapsedTime(message.StartedTicks).TotalMilliseconds);
        return context.SendLocal(new ChainHop(message.Chain, 1, Clock.GetTimestamp()));
    }
}
