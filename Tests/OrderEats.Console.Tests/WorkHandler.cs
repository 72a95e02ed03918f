using System.Text;
using System.Text.Json;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Tests;

/// <summary>Records each delivery in the probe; throws while the probe says so.</summary>
public sealed class WorkHandler(Probe probe) : IHandleMessages<Work>
{
    public Task Handle(Work message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        probe.Deliveries.Enqueue(new IncomingMessage(
            context.MessageId, new Dictionary<string, string>(context.MessageHeaders), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, JsonSerializerOptions.Web))));
        if (probe.ShouldFail())
        {
            throw new InvalidOperationException($"Work '{message.Text}' failed on purpose");
        }

        return Task.CompletedTask;
    }
}
