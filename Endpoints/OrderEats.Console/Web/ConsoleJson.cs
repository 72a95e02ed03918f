using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderEats.Console.Web;

/// <summary>The API's JSON options (web defaults, enums as strings), passed explicitly so a shared host's settings stay untouched.</summary>
internal static class ConsoleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // Relaxed escaping shows the body's characters as they are; the pages HTML-encode the result.
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body indented for reading, or as it is when it is not JSON.</summary>
    public static string Pretty(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
