using System.Net;
using System.Text.Json;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>Reads a problem-details response.</summary>
public sealed class Problem
{
    private Problem(HttpStatusCode status, string? contentType, JsonElement body)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public string? ContentType { get; }

    public JsonElement Body { get; }

    public IReadOnlyList<string> ErrorKeys => Body.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateObject().Select(e => e.Name)]
        : [];

    public string Detail => Body.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty : string.Empty;

    public static async Task<Problem> Read(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return new Problem(response.StatusCode, response.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
    }
}
