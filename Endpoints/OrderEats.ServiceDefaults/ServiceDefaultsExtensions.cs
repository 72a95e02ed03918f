using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OrderEats.Engine.Hosting;
using OrderEats.ServiceDefaults.Health;
using OrderEats.ServiceDefaults.Security;
using OrderEats.ServiceDefaults.Telemetry;

namespace OrderEats.ServiceDefaults;

/// <summary>What every OrderEats process adds once: health endpoints, default-deny authorization, OpenTelemetry export, structured logs and graceful shutdown.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Maps <c>/health/live</c> and <c>/health/ready</c> (endpoints started, broker connected, the databases of <paramref name="databases"/> reachable;
    /// the checks only for operators, see <see cref="HealthDetailsAccess"/>); makes every other route require an authenticated caller unless it
    /// is marked AllowAnonymous (<see cref="DefaultDenyAuthorization"/>); stops the process when Development credentials are on but it listens
    /// beyond loopback (<see cref="DevelopmentAccess"/>);
    /// exports traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (nothing is collected otherwise); puts trace and span ids
    /// on log scopes (JSON console with <c>Logging:Console:FormatterName=json</c>); and lets the host wait
    /// <see cref="ShutdownTimeoutSetting.HostMargin"/> longer than OrderEats:ShutdownTimeout on SIGTERM.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="infrastructure">The process's infrastructure (its databases are checked for readiness).</param>
    /// <param name="databases">The service names of this process's databases, as given to <see cref="EndpointDatabase.For"/>.</param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, InfrastructureOptions infrastructure, params string[] databases)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentNullException.ThrowIfNull(databases);
        UnsafeConfigurationExit.Install();
        var services = builder.Services;
        var checkedDatabases = databases.Select(name => EndpointDatabase.For(infrastructure, name)).ToList();
        services.AddSingleton(sp => new ReadinessCheck(
            sp.GetServices<StartedEndpoint>(), checkedDatabases, sp.GetServices<IReadinessReport>(), sp.GetRequiredService<ILogger<ReadinessCheck>>()));
        services.AddSingleton<IStartupFilter, HealthStartupFilter>();
        services.AddDefaultDenyAuthorization();
        services.AddHostedService<ListenAddressGuard>();

        if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetryServiceCollectionExtensions.OtlpEndpointVariable]))
        {
            // UseOtlpExporter exports all three signals; the log records carry the engine's scopes (MessageId, ConversationId, OrderId).
            services.AddOrderEatsTelemetry(builder.Environment.ApplicationName).UseOtlpExporter();
            services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);
        }

        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);

        var shutdown = infrastructure.ShutdownTimeout;
        services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = shutdown + ShutdownTimeoutSetting.HostMargin;
            options.ServicesStopConcurrently = true;
        });
        return builder;
    }
}
