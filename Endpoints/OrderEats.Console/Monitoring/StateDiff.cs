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
