using System.Text.Json;

namespace OrderEats.Console.Monitoring;

/// <summary>The values of a JSON body's top-level id properties (orderId, customerId, …): what links a failed message to its saga.</summary>
internal static class BodyIds
{
    public static IEnumerable<string> Of(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            yield break;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            yield break;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)))
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number && property.Value.ToString() is { Length: > 0 and < 200 } value)
                {
                    yield return value;
                }
            }
        }
    }
}
