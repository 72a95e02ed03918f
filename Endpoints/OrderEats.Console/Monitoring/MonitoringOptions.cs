using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrderEats.Console.Monitoring;

/// <summary>The saga audit, heartbeat and metrics settings, from configuration section "Console".</summary>
internal sealed record MonitoringOptions
{
    /// <summary>The queue endpoints send saga audit records to (Console:AuditQueue, default "&lt;Console:Queue&gt;.audit").</summary>
    public string AuditQueue { get; init; } = "console.audit";

    /// <summary>How long a completed saga stays visible (Console:SagaRetentionHours, default 24).</summary>
    public TimeSpan SagaRetention { get; init; } = TimeSpan.FromHours(24);

    /// <summary>An instance is dead when no heartbeat came for this long (Console:HeartbeatGraceSeconds, default 40).</summary>
    public TimeSpan HeartbeatGrace { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>How often the console looks for lost heartbeats (Console:HeartbeatCheckSeconds, default 5).</summary>
    public TimeSpan HeartbeatCheck { get; init; } = TimeSpan.FromSeconds(5);

    public static MonitoringOptions FromConfiguration(IConfiguration configuration, ConsoleOptions console)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(console);
        var section = configuration.GetSection("Console");
        var audit = section["AuditQueue"];
        return new MonitoringOptions
        {
            AuditQueue = string.IsNullOrWhiteSpace(audit) ? console.Queue + ".audit" : audit.Trim(),
            SagaRetention = TimeSpan.FromHours(Number(section["SagaRetentionHours"], 24, "Console:SagaRetentionHours")),
            HeartbeatGrace = TimeSpan.FromSeconds(Number(section["HeartbeatGraceSeconds"], 40, "Console:HeartbeatGraceSeconds")),
            HeartbeatCheck = TimeSpan.FromSeconds(Number(section["HeartbeatCheckSeconds"], 5, "Console:HeartbeatCheckSeconds")),
        };
    }

    private static double Number(string? value, double fallback, string key) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : throw new InvalidOperationException($"{key} is '{value}'; use a number greater than 0.");
}
