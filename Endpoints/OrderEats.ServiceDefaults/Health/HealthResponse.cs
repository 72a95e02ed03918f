using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderEats.ServiceDefaults.Health;

// The body of /health/live and /health/ready (the status code is the health check middleware's: 200, or 503 when a check is unhealthy).
// Anonymous callers get {"status"}; operators (HealthDetailsAccess) also {"checks"}: one line per endpoint, broker, database and report.
internal static class HealthResponse
{
    public static Task WriteLive(HttpContext context, HealthReport report) => Write(context, new { status = "live" });

    public static async Task WriteReady(HttpContext context, HealthReport report)
    {
        var ready = report.Status != HealthStatus.Unhealthy;
        var checks = Lines(report);
        context.RequestServices.GetRequiredService<ReadinessLog>().Observe(ready, checks);
        var status = ready ? "ready" : "not ready";
        await Write(context, await HealthDetailsAccess.IsOperator(context) ? new { status, checks } : new { status });
    }

    // A check that reports several lines (the endpoints, the services' reports) carries them as its data; any other is one line.
    private static Dictionary<string, string> Lines(HealthReport report)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Data.Count == 0)
            {
                if (entry.Description is not null)
                {
                    lines[name] = entry.Description;
                }

                continue;
            }

            foreach (var (key, value) in entry.Data)
            {
                lines[key] = value.ToString() ?? string.Empty;
            }
        }

        return lines;
    }

    private static Task Write(HttpContext context, object body) =>
        context.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, context.RequestAborted);
}
