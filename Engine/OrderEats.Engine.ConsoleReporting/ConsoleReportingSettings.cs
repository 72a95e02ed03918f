using Microsoft.Extensions.Logging;
using OrderEats.Engine.Extensibility;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// What the endpoint reports to the console: saga audit records, heartbeats and metrics, each off until its queue is set. Once the add-on is on
/// (<c>UseConsoleReporting</c>), the endpoint also answers the console's control messages: retry acknowledgements and timeout cancellations.
/// </summary>
public sealed class ConsoleReportingSettings : IEndpointExtension
{
    /// <summary>The queue saga audit records go to (batched, after commit); null turns the saga audit off.</summary>
    public string? SagaAuditQueue { get; set; }

    /// <summary>The queue heartbeats (with the endpoint's metrics and saga definitions) go to; null turns heartbeats off.</summary>
    public string? HeartbeatQueue { get; set; }

    /// <summary>How often a heartbeat is sent (default 10 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Audit records waiting to be sent before new ones are dropped with a warning (default 10000); the business transaction never waits.</summary>
    public int AuditBufferCapacity { get; set; } = 10_000;

    /// <summary>The most audit records sent in one message (default 100).</summary>
    public int AuditBatchSize { get; set; } = 100;

    /// <summary>How long a batch that is not full waits for more records before it is sent (default 250 ms); fewer, larger messages cost the transport less.</summary>
    public TimeSpan AuditBatchDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The conditions each heartbeat reports, created from the endpoint's services at start; see <c>ReportCondition</c>.</summary>
    public IList<Func<IServiceProvider, IEndpointCondition>> Conditions { get; } = [];

    /// <inheritdoc />
    public void Attach(EndpointExtensionContext endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var name = endpoint.Configuration.EndpointName;
        var reporter = new ConsoleReporter(this, endpoint);
        endpoint.AddStep(IncomingStage.AroundMessage, new ReportedMetricsStep(reporter.Metrics, endpoint.Time));
        endpoint.AddStep(IncomingStage.AroundMessage, new RetryAcknowledgementStep(endpoint.Transport, name, endpoint.Configuration.HostName, endpoint.Time));
        if (reporter.Audit is { } audit)
        {
            endpoint.AddStep(IncomingStage.AroundMessage, new SagaAuditStep(audit, name));
        }

        endpoint.AddStep(IncomingStage.InUnitOfWork, new CancelSagaTimeoutStep(
            endpoint.Sagas, endpoint.SagaPersister, name, endpoint.Time, endpoint.LoggerFactory.CreateLogger<CancelSagaTimeoutStep>()));
        endpoint.AddBackgroundWork(reporter);
    }
}
