using OrderEats.Engine;

namespace OrderEats.BadInput.Tests.Amqp;

public sealed class ProbeHandler(Signals signals) : IHandleMessages<Probe>
{
    public Task Handle(Probe message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        signals.ProbeHandled(message.Marker);
        return Task.CompletedTask;
    }
}
