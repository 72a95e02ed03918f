using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderEats.Engine;

namespace OrderEats.ServiceDefaults.Telemetry;

/// <summary>Registers OpenTelemetry for the engine's activity source and meter.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable that switches OTLP export on (e.g. http://otel-collector:4317).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Adds OpenTelemetry tracing (the engine's spans and ASP.NET Core's request spans) and metrics (the engine's meter, plus queue depth sampled every 15 s) for <paramref name="serviceName"/>,
    /// without an exporter: add one to the returned builder (<c>UseOtlpExporter()</c>, or an in-memory exporter in tests).
    /// </summary>
    public static OpenTelemetryBuilder AddOrderEatsTelemetry(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddHostedService<QueueDepthSampler>();
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing.AddSource(EngineTelemetry.ActivitySourceName, "Microsoft.AspNetCore"))
            .WithMetrics(metrics => metrics.AddMeter(EngineTelemetry.MeterName, "Microsoft.AspNetCore.Hosting"));
    }
}
