using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderEats.Orders.Http;

// Reads a JSON body ourselves, so that malformed JSON becomes a 400 problem that names the body and the JSON path, like any other validation error.
internal static class RequestBody
{
    public static async Task<(T? Value, IResult? Problem)> Read<T>(HttpRequest request, bool optional = false)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var (text, limitProblem) = await BodyLimits.ReadText(request);
        if (limitProblem is not null)
        {
            return (null, limitProblem);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return optional ? (null, null) : (null, Malformed<T>("The request body is empty; send a JSON object."));
        }

        if (BodyLimits.WrongContentType(request) is { } contentTypeProblem)
        {
            return (null, contentTypeProblem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, options);
            return value is null ? (null, Malformed<T>("The request body is JSON null; send a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Malformed<T>($"The request body is not valid JSON for {typeof(T).Name} at {ex.Path ?? "$"} (line {ex.LineNumber}, byte {ex.BytePositionInLine}): {ex.Message}"));
        }
    }

    private static IResult Malformed<T>(string message) => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["body"] = [message] },
        title: "The request body is malformed.",
        detail: $"Send a JSON {typeof(T).Name} with Content-Type application/json.");
}
