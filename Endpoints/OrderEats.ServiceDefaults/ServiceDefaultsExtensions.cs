using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OrderEats.ServiceDefaults.Health;
using OrderEats.ServiceDefaults.Security;
using OrderEats.ServiceDefaults.Telemetry;

namespace OrderEats.ServiceDefaults;

/// <summary>What every OrderEats process adds once: health endpoints, default-deny authorization, OpenTelemetry export, structured logs and graceful shutdown.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Adds the health checks behind <c>/health/live</c> and <c>/health/ready</c> (endpoints started, broker connected, each service's
    /// database reachable; the checks only for operators, see <see cref="HealthDetailsAccess"/>; mapped by
    /// <see cref="HealthEndpoints.MapOrderEatsHealthChecks"/>); makes every other route require an authenticated caller unless it
    /// is marked AllowAnonymous (<see cref="DefaultDenyAuthorization"/>); stops the process when Development credentials are on but it listens
    /// beyond loopback (<see cref="DevelopmentAccess"/>);
    /// exports traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (nothing is collected otherwise); puts trace and span ids
    /// on log scopes (JSON console with <c>Logging:Console:FormatterName=json</c>); and lets the host wait
    /// <see cref="ShutdownTimeoutSetting.HostMargin"/> longer than OrderEats:ShutdownTimeout on SIGTERM.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="infrastructure">The process's infrastructure.</param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, InfrastructureOptions infrastructure)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(infrastructure);
        UnsafeConfigurationExit.Install();
        var services = builder.Services;
        services.AddOrderEatsHealthChecks();
        services.AddDefaultDenyAuthorization();
        // The edge always has a rate limiter (UseOrderEatsEdge); services that limit callers add their policies to it.
        services.AddRateLimiter(_ => { });
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

    /// <summary>
    /// Adds authentication, the rate limiter and authorization, in that order: the limiter partitions by the authenticated caller, and anonymous
    /// requests (failed sign-ins too) count against their IP address's limit before authorization refuses them.
    /// </summary>
    public static IApplicationBuilder UseOrderEatsEdge(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
