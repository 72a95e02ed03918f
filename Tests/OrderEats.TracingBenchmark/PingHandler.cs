using OrderEats.Engine;

namespace OrderEats.TracingBenchmark;

/// <summary>Counts pings and, like a real handler, sends one message on (to the sink queue).</summary>
internal sealed class PingHandler(PingCounter counter) : IHandleMessages<Ping>
{
    public async Task Handle(Ping message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        await context.Send(message with { Number = -message.Number }, new SendOptions { Destination = "bench-sink" });
        counter.Received();
    }
}
