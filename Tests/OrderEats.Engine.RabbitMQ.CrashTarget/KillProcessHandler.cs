using System.Diagnostics;
using OrderEats.Engine;

namespace OrderEats.Engine.RabbitMQ.CrashTarget;

/// <summary>Ends its own process with SIGKILL: no catch, no ack, no shutdown, as an out-of-memory kill or a native crash would.</summary>
internal sealed class KillProcessHandler : IHandleMessages<KillProcess>
{
    public async Task Handle(KillProcess message, IMessageHandlerContext context)
    {
        await Console.Out.WriteLineAsync($"dying on {context.MessageId}: {message.Reason}");
        await Console.Out.FlushAsync(context.CancellationToken);
        Process.GetCurrentProcess().Kill();
    }
}
