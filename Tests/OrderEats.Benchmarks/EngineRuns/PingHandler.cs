using OrderEats.Benchmarks.Messages;
using OrderEats.Engine;

namespace OrderEats.Benchmarks.EngineRuns;

internal sealed class PingHandler(Progress progress) : IHandleMessages<Ping>
{
    public Task Handle(Ping message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        progress.Handled(context.MessageId);
        return Task.CompletedTask;
    }
}
