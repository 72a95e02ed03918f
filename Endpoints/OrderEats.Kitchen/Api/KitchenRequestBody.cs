using System.Buffers;
using System.Text.Json;

namespace OrderEats.Kitchen.Api;

// The body of a reject: at most MaxBodyBytes (413 beyond), JSON (400 naming the body when not), a reason of at most MaxReasonLength
// characters (400 naming "reason"). Read here rather than by model binding, so an oversized body is never buffered whole.
internal static class KitchenRequestBody
{
    public const int MaxBodyBytes = 4 * 1024;
    public const int MaxReasonLength = 500;

    public static async Task<(RejectTicketRequest? Value, IResult? Problem)> ReadReject(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var reader = new StreamReader(request.Body);
        var buffer = ArrayPool<char>.Shared.Rent(MaxBodyBytes + 1);
        string text;
        try
        {
            var read = await reader.ReadBlockAsync(buffer.AsMemory(0, MaxBodyBytes + 1), request.HttpContext.RequestAborted);
            if (read > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            text = new string(buffer, 0, read);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (new RejectTicketRequest(null), null);
        }

        RejectTicketRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<RejectTicketRequest>(text, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return (null, Invalid("body", $"The body is not valid JSON at {ex.Path ?? "$"}: send {{\"reason\": \"...\"}} with Content-Type application/json."));
        }

        if (body?.Reason is { Length: > MaxReasonLength } reason)
        {
            return (null, Invalid("reason", $"The reason is {reason.Length} characters long; at most {MaxReasonLength} are allowed."));
        }

        return (body ?? new RejectTicketRequest(null), null);
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid.", detail: "See the errors per field.");

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"A reject body is at most {MaxBodyBytes} bytes: {{\"reason\": \"...\"}} with a reason of at most {MaxReasonLength} characters.");
}
