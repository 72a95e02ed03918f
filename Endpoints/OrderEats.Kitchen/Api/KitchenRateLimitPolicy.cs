using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OrderEats.Kitchen.Api;

// One fixed window per staff key (looked up from the header, so the limit holds before authorization runs), and one per IP address for
// requests without a valid key. Rejections are 429 problems with Retry-After.
internal sealed class KitchenRateLimitPolicy(KitchenRateLimitOptions limits, StaffKeys keys, ILogger<KitchenRateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Rejected;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        keys.Find(httpContext.Request.Headers[KitchenStaff.Header].ToString()) is { } staff
            ? RateLimitPartition.GetFixedWindowLimiter("kitchen:" + staff.Name, _ => Window(limits.PermitLimit))
            : RateLimitPartition.GetFixedWindowLimiter("kitchen-ip:" + httpContext.Connection.RemoteIpAddress, _ => Window(limits.AnonymousPermitLimit));

    private FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true };

    private async ValueTask Rejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        logger.LogWarning("Kitchen API rate limit reached for {Caller} on {Path}; retry after {RetryAfterSeconds} s",
            keys.Find(context.Request.Headers[KitchenStaff.Header].ToString())?.Name ?? "ip:" + context.Connection.RemoteIpAddress, context.Request.Path, seconds);
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests.",
                detail: $"The kitchen API's request limit for this caller is reached; retry after {seconds} s (see the Retry-After header).")
            .ExecuteAsync(context);
    }
}
