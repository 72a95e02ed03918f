namespace OrderEats.Engine.ConsoleReporting;

/// <summary>Turns on the endpoint's reporting to the OrderEats console: heartbeats with metrics and conditions, the saga audit, and the answers to the console's control messages.</summary>
public static class ConsoleReportingConfigurationExtensions
{
    /// <summary>
    /// Reports to the console: when <paramref name="queue"/> is given, heartbeats with metrics go to it and the saga audit to "&lt;queue&gt;.audit"
    /// (both queues created at startup; <paramref name="configure"/> changes either, e.g. <c>s =&gt; s.SagaAuditQueue = null</c> turns the audit off).
    /// In every case the endpoint answers the console's control messages: it acknowledges messages an operator retried once they succeed, and
    /// cancels the saga timeouts an operator cancels. Calling it again changes the same settings.
    /// </summary>
    public static EndpointConfiguration UseConsoleReporting(this EndpointConfiguration configuration, string? queue = null, Action<ConsoleReportingSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.Extension<ConsoleReportingSettings>();
        if (!string.IsNullOrWhiteSpace(queue))
        {
            settings.HeartbeatQueue = queue;
            settings.SagaAuditQueue = queue + ".audit";
        }

        configure?.Invoke(settings);
        if (settings.HeartbeatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), settings.HeartbeatInterval, "The heartbeat interval must be positive, e.g. TimeSpan.FromSeconds(10).");
        }

        AddQueue(configuration, settings.HeartbeatQueue);
        AddQueue(configuration, settings.SagaAuditQueue);
        return configuration;
    }

    /// <summary>Sends an audit record for every message a saga handles to <paramref name="queue"/> (created at startup), after the message commits; turns console reporting on.</summary>
    public static EndpointConfiguration AuditSagasTo(this EndpointConfiguration configuration, string queue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        return configuration.UseConsoleReporting(configure: s => s.SagaAuditQueue = queue);
    }

    /// <summary>Sends a heartbeat with the endpoint's metrics to <paramref name="queue"/> (created at startup) every <paramref name="interval"/> (default 10 s); turns console reporting on.</summary>
    public static EndpointConfiguration SendHeartbeatsTo(this EndpointConfiguration configuration, string queue, TimeSpan? interval = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        if (interval is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), every, "The heartbeat interval must be positive, e.g. TimeSpan.FromSeconds(10).");
        }

        return configuration.UseConsoleReporting(configure: s =>
        {
            s.HeartbeatQueue = queue;
            s.HeartbeatInterval = interval ?? s.HeartbeatInterval;
        });
    }

    /// <summary>
    /// Reports <paramref name="condition"/> in every heartbeat, so the console shows it beside the instance (marked when degraded). Only sent
    /// when heartbeats are on (<see cref="SendHeartbeatsTo"/>); names must be unique within the endpoint.
    /// </summary>
    public static EndpointConfiguration ReportCondition(this EndpointConfiguration configuration, IEndpointCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return configuration.ReportCondition(_ => condition);
    }

    /// <summary>Reports the condition <paramref name="factory"/> creates from the endpoint's services at start in every heartbeat; see the other overload.</summary>
    public static EndpointConfiguration ReportCondition(this EndpointConfiguration configuration, Func<IServiceProvider, IEndpointCondition> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return configuration.UseConsoleReporting(configure: s => s.Conditions.Add(factory));
    }

    private static void AddQueue(EndpointConfiguration configuration, string? queue)
    {
        if (queue is not null && !configuration.AdditionalQueues.Contains(queue))
        {
            configuration.AdditionalQueues.Add(queue);
        }
    }
}
