using System.Text.Json;
using System.Threading.Channels;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.ConsoleReporting;

/// <summary>Reads saga audit records, one at a time, from the batches arriving in a watched queue.</summary>
public sealed class AuditReader(ChannelReader<IncomingMessage> queue)
{
    private readonly Queue<SagaAuditEntry> pending = new();

    internal async Task<SagaAuditEntry> Next()
    {
        while (pending.Count == 0)
        {
            var message = await queue.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
            Assert.That(message.Headers[Headers.ControlMessage], Is.EqualTo(ControlMessages.SagaAudit));
            foreach (var entry in JsonSerializer.Deserialize<List<SagaAuditEntry>>(message.Body.Span, ControlMessages.Json)!)
            {
                pending.Enqueue(entry);
            }
        }

        return pending.Dequeue();
    }
}
