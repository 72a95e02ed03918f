using Microsoft.AspNetCore.Http;

namespace OrderEats.Console.Security;

/// <summary>
/// Refuses state-changing requests another site could make a browser send: an Origin (or Sec-Fetch-Site) other than the console's own is 403;
/// for the JSON API a body that is not application/json is 415, so an HTML form or a text/plain "simple" request cannot reach it.
/// Requests without an Origin (curl, scripts) are not browsers acting for a page and pass.
/// </summary>
internal sealed class RequestGuard(bool json) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return next(context);
        }

        var own = request.Scheme + "://" + request.Host.Value;
        var origin = request.Headers.Origin.ToString();
        if ((origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)) || request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                $"Cross-origin request refused: Origin '{origin}' is not this console's origin ({own}). Use the console's own pages, or call the API without a browser. " +
                "Behind a proxy, set Console:TrustedProxies so the console sees the public scheme and host.",
                statusCode: StatusCodes.Status403Forbidden, title: "Cross-origin request refused"));
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if (json && hasBody && !IsJson(request.ContentType))
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                $"The API accepts only application/json bodies; this request sent '{request.ContentType ?? "no Content-Type"}'. Send Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        return next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
}
