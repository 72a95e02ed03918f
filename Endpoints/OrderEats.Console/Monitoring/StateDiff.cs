using System.Text.Json;

namespace OrderEats.Console.Monitoring;

/// <summary>The top-level properties of saga data that one message changed (old and new value as JSON text).</summary>
internal static class StateDiff
{
    public static IReadOnlyList<(string Property, string? Before, string? After)> Compute(string? before, string after)
    {
        var old = Properties(before);
        var now = Properties(after);
        return now.Keys.Union(old.Keys)
            .Where(k => old.GetValueOrDefault(k) != now.GetValueOrDefault(k))
            .Select(k => (k, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .ToList();
    }

    /// <summary>
    /// A property value as an operator reads it: strings without quotes or escapes (a stored "\u003C" shows as "&lt;"), objects and arrays as
    /// compact JSON with the characters as they are, cut at <paramref name="max"/> characters. The page HTML-encodes the result.
    /// </summary>
    public static string Readable(string? json, int max = 160)
    {
        if (json is null)
        {
            return "—";
        }

        string text;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            text = root.ValueKind switch
            {
                JsonValueKind.String => root.GetString() ?? string.Empty,
                JsonValueKind.Null => "null",
                _ => JsonSerializer.Serialize(root, Compact),
            };
        }
        catch (JsonException)
        {
            text = json;
        }

        return text.Length > max ? text[..max] + "…" : text;
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Dictionary<string, string> Properties(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    result[property.Name] = property.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            result["(data)"] = json;
        }

        return result;
    }
}
