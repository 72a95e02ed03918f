using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Text.Json;

namespace OrderEats.ServiceDefaults.Health;

/// <summary>
/// Answers /health/live (the process runs) and /health/ready (<see cref="ReadinessCheck"/>) ahead of the application's own routes, to anyone:
/// orchestrators probe them without credentials. The readiness checks (database names, error text) go only to operators
/// (<see cref="HealthDetailsAccess"/>); everyone else gets the status.
/// </summary>
internal sealed class HealthStartupFilter(ReadinessCheck readiness) : IStartupFilter
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(LivePath, live => live.Run(context => Write(context, StatusCodes.Status200OK, new { status = "live" })));
        app.Map(ReadyPath, ready => ready.Run(async context =>
        {
            var (isReady, checks) = await readiness.Check(context.RequestAborted);
            var status = isReady ? "ready" : "not ready";
            var code = isReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            await Write(context, code, await HealthDetailsAccess.IsOperator(context) ? (object)new { status, checks } : new { status });
        }));
        next(app);
    };

    private static Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
