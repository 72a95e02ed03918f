using Microsoft.AspNetCore.Http;

namespace OrderEats.Console.Security;

/// <summary>
/// The headers every console response carries: a Content-Security-Policy that allows only the console's own script and stylesheet (no inline
/// script or style) and no framing, nosniff, a same-origin referrer policy, and no caching of what an authenticated user saw.
/// </summary>
internal sealed class SecurityHeaders : IEndpointFilter
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var response = context.HttpContext.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
