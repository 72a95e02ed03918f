using Microsoft.Extensions.Configuration;
using OrderEats.Engine;
using OrderEats.Engine.ConsoleReporting;

namespace OrderEats.ServiceDefaults;

/// <summary>
/// Turns on the console reporting of a service endpoint from configuration: OrderEats:Console:Queue (or ORDEREATS_CONSOLE_QUEUE) enables
/// heartbeats with metrics to that queue and the saga audit to OrderEats:Console:AuditQueue (default "&lt;queue&gt;.audit"); OrderEats:Console:Audit=false
/// keeps heartbeats but turns the audit off.
/// </summary>
public static class ConsoleReporting
{
    /// <summary>The console queue from configuration, or null.</summary>
    public static string? Queue(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queue = configuration["OrderEats:Console:Queue"] ?? configuration["ORDEREATS_CONSOLE_QUEUE"];
        return string.IsNullOrWhiteSpace(queue) ? null : queue.Trim();
    }

    /// <summary>The saga audit queue from configuration, or null when reporting or the audit is off.</summary>
    public static string? AuditQueue(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Queue(configuration) is not { } queue)
        {
            return null;
        }

        var enabled = configuration["OrderEats:Console:Audit"];
        if (!string.IsNullOrWhiteSpace(enabled) && !(bool.TryParse(enabled, out var on) ? on
            : throw new InvalidOperationException($"OrderEats:Console:Audit is '{enabled}'; use true or false.")))
        {
            return null;
        }

        var audit = configuration["OrderEats:Console:AuditQueue"];
        return string.IsNullOrWhiteSpace(audit) ? queue + ".audit" : audit.Trim();
    }

    /// <summary>
    /// Applies the reporting in <paramref name="infrastructure"/> to an endpoint (<c>UseConsoleReporting</c>): heartbeats and metrics to the console
    /// queue and, for saga endpoints, the saga audit; without a console queue the endpoint still answers the console's retries and timeout cancels.
    /// </summary>
    public static EndpointConfiguration Apply(EndpointConfiguration configuration, InfrastructureOptions infrastructure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        return configuration.UseConsoleReporting(infrastructure.ConsoleQueue, settings => settings.SagaAuditQueue = infrastructure.ConsoleAuditQueue);
    }
}
