using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Console.Ingestion;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Monitoring;

/// <summary>Creates the saga audit tables and the audit queue, and consumes the audit queue (heartbeats arrive on the console queue, see <see cref="ConsoleReceiver"/>).</summary>
internal sealed class MonitoringReceiver(
    SagaStore sagas, ConsoleTransport transport, ConsoleOptions console, MonitoringOptions options, MonitoringIngestion ingestion, ILogger<MonitoringReceiver> logger)
    : IHostedService, IAsyncDisposable
{
    private IAsyncDisposable? receiver;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await sagas.EnsureSchema(cancellationToken);
        await transport.Transport.Setup(new TransportSetup(console.Queue, console.ErrorQueue, [], [options.AuditQueue]), cancellationToken);
        receiver = await transport.Transport.Receive(new ReceiveSettings(options.AuditQueue, 1, console.ErrorQueue), ingestion.Audit, cancellationToken);
        logger.LogInformation("Console storing saga audit records from {AuditQueue}", options.AuditQueue);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
            receiver = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
