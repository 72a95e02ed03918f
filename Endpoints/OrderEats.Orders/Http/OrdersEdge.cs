using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.ServiceDefaults.Health;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Orders.Http;

// The public edge of the Orders API: bearer tokens and API keys, authorization policies, and the per-caller / per-IP rate limiter.
internal static class OrdersEdge
{
    public const string RateLimitPolicy = "orders-edge";
    internal const string SelectorScheme = "BearerOrApiKey";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var auth = new OrdersAuthOptions();
        configuration.GetSection(OrdersAuthOptions.Section).Bind(auth);
        auth.Normalize().Validate(DevelopmentAccess.From(configuration));
        var limits = new OrdersRateLimitOptions();
        configuration.GetSection(OrdersRateLimitOptions.Section).Bind(limits);
        limits.Validate();
        services.AddSingleton(auth);
        services.AddSingleton(limits);
        services.AddSingleton(sp => new TokenIssuer(auth, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddProblemDetails();

        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context => TokenSchemes.Select(context, auth))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        TokenSchemes.Add(authentication, auth);
        services.AddDefaultDenyAuthorization();
        services.AddHealthOperators(SelectorScheme, Caller.BackOfficeRole);
        services.AddAuthorizationBuilder()
            // The schemes are named, so the API authenticates the same way when a host adds other schemes (the console's cookie).
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(SelectorScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Caller.BackOfficePolicy, p => p.AddAuthenticationSchemes(SelectorScheme).RequireRole(Caller.BackOfficeRole));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, context => Partition(context, limits));
            o.OnRejected = Rejected;
        });
    }

    // Callers are limited by who they are; anonymous requests (including failed sign-ins) by IP address.
    private static RateLimitPartition<string> Partition(HttpContext context, OrdersRateLimitOptions limits) => Caller.Id(context.User) is { } caller
        ? RateLimitPartition.GetFixedWindowLimiter("caller:" + caller, _ => Window(limits.PermitLimit, limits.Window))
        : RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress, _ => Window(limits.AnonymousPermitLimit, limits.Window));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask Rejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrdersEdge))
            .LogWarning("Rate limit reached for {Caller} on {Path}; retry after {RetryAfterSeconds} s", Caller.Id(context.User) ?? "ip:" + context.Connection.RemoteIpAddress, context.Request.Path, seconds);
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests.",
                detail: $"The request limit for this caller is reached; retry after {seconds} s (see the Retry-After header).")
            .ExecuteAsync(context);
    }
}
