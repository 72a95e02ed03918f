using OrderEats.Engine.Monitoring;

namespace OrderEats.Engine;

/// <summary>Turns on the reports an endpoint sends to the console: the saga audit, heartbeats and metrics.</summary>
public static class MonitoringConfigurationExtensions
{
    /// <summary>Sends an audit record for every message a saga handles to <paramref name="queue"/> (created at startup), after the message commits.</summary>
    public static EndpointConfiguration AuditSagasTo(this EndpointConfiguration configuration, string queue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        configuration.Monitoring.SagaAuditQueue = queue;
        AddQueue(configuration, queue);
        return configuration;
    }

    /// <summary>Sends a heartbeat with the endpoint's metrics to <paramref name="queue"/> (created at startup) every <paramref name="interval"/> (default 10 s).</summary>
    public static EndpointConfiguration SendHeartbeatsTo(this EndpointConfiguration configuration, string queue, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        if (interval is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), every, "The heartbeat interval must be positive, e.g. TimeSpan.FromSeconds(10).");
        }

        configuration.Monitoring.HeartbeatQueue = queue;
        configuration.Monitoring.HeartbeatInterval = interval ?? configuration.Monitoring.HeartbeatInterval;
        AddQueue(configuration, queue);
        return configuration;
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
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(factory);
        configuration.Monitoring.Conditions.Add(factory);
        return configuration;
    }

    private static void AddQueue(EndpointConfiguration configuration, string queue)
    {
        if (!configuration.AdditionalQueues.Contains(queue))
        {
            configuration.AdditionalQueues.Add(queue);
        }
    }
}
