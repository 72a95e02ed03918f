using System.Text.Json;

namespace OrderEats.Console.Storage;

/// <summary>Headers are stored as one JSON object per row.</summary>
internal static class HeaderJson
{
    public static string Write(IReadOnlyDictionary<string, string> headers) => JsonSerializer.Serialize(headers);

    public static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { } headers
            ? new Dictionary<string, string>(headers, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
