using System.Text.Json;
using OrderEats.Messages;

namespace OrderEats.Orders.Data;

// How an order's priced lines are kept in orders.lines: the PlaceOrder lines as JSON.
internal static class StoredLines
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<OrderLine> lines) => JsonSerializer.Serialize(lines, Options);

    public static IReadOnlyList<OrderLine> Read(string json) => JsonSerializer.Deserialize<List<OrderLine>>(json, Options) ?? [];
}
