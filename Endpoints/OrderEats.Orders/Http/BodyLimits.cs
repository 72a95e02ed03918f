using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace OrderEats.Orders.Http;

// The two ways a request body is refused before it is parsed: larger than any real request (413), or not declared as JSON (415).
internal static class BodyLimits
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(string Text, IResult? Problem)> ReadText(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (string.Empty, TooLarge(request.ContentLength.Value));
        }

        // Chunked bodies have no length up front: read at most one character past the limit.
        using var reader = new StreamReader(request.Body);
        var buffer = ArrayPool<char>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var read = await reader.ReadBlockAsync(buffer.AsMemory(0, MaxBodyBytes + 1), request.HttpContext.RequestAborted);
            return read > MaxBodyBytes ? (string.Empty, TooLarge(null)) : (new string(buffer, 0, read), null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static IResult? WrongContentType(HttpRequest request) => request.HasJsonContentType()
        ? null
        : Results.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "The request body is not JSON.",
            detail: $"The Content-Type is '{request.ContentType ?? "(none)"}'. Send the body as JSON with Content-Type application/json.");

    private static IResult TooLarge(long? length) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"The body is {(length is null ? "more than " + MaxBodyBytes : length.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes; at most {MaxBodyBytes} bytes are accepted. An order has at most 100 lines.");
}
