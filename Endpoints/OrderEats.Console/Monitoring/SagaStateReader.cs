using System.Globalization;
using System.Text.Json;

namespace OrderEats.Console.Monitoring;

/// <summary>Reads a saga instance's state from its data JSON: the graph's state property (enum numbers mapped to names), else Running/Completed.</summary>
internal static class SagaStateReader
{
    public static string State(string json, SagaGraphModel? graph, bool completed)
    {
        var property = graph is null ? null : graph.StateProperty;
        if (graph is not null && property is null)
        {
            return completed ? SagaGraphModel.Completed : SagaGraphModel.Running;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var candidate in property is null ? ["status", "state"] : new[] { property })
                {
                    foreach (var p in document.RootElement.EnumerateObject().Where(p => string.Equals(p.Name, candidate, StringComparison.OrdinalIgnoreCase)))
                    {
                        var raw = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt64().ToString(CultureInfo.InvariantCulture) : p.Value.ToString();
                        return graph?.StateNames is { } names && names.TryGetValue(raw, out var name) ? name : raw;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the generic states.
        }

        return completed ? SagaGraphModel.Completed : SagaGraphModel.Running;
    }
}
