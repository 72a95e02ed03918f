using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderEats.Console.Security;

/// <summary>Reads a small request body (the login) with a hard cap, so an oversized body is refused after at most the cap is read.</summary>
internal static class LimitedBody
{
    public const int LoginLimit = 4 * 1024;

    /// <summary>The body buffered for re-reading (form parsing, antiforgery), or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> Read(HttpContext context, int limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted)) > 0)
        {
            read += n;
        }

        if (read > limit)
        {
            return null;
        }

        var body = buffer[..read];
        context.Request.Body = new MemoryStream(body, writable: false);
        return body;
    }

    public static IResult TooLarge() => Results.Problem(
        $"The login body is limited to {LoginLimit} bytes; send only the name and password.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
