using System.Text.Json;

namespace OrderEats.Orders.Tests.Monitoring;

/// <summary>Reads one saga audit record: what came in, the status before and after, what went out, which timeouts were requested, cancelled or fired.</summary>
public static class AuditedOrder
{
    private static readonly string[] Statuses = ["Submitted", "Paid", "Accepted", "Ready", "Completed", "Cancelled"];

    public static string Incoming(JsonElement record) => Short(record.GetProperty("incoming").GetProperty("messageType").GetString()!);

    public static string Transition(JsonElement record) =>
        $"{Status(record.GetProperty("stateBefore"))}->{Status(record.GetProperty("stateAfter"))}{(record.GetProperty("completed").GetBoolean() ? " (completed)" : string.Empty)}";

    public static string[] Outgoing(JsonElement record) => record.GetProperty("outgoing").EnumerateArray()
        .Select(m => (m.GetProperty("timeoutId").ValueKind == JsonValueKind.String ? "timeout " : string.Empty) + Short(m.GetProperty("messageType").GetString()!))
        .Order(StringComparer.Ordinal).ToArray();

    public static string[] Cancelled(JsonElement record) => record.GetProperty("timeoutsCancelled").EnumerateArray().Select(t => Short(t.GetProperty("messageType").GetString()!)).ToArray();

    public static string[] Pending(JsonElement record) => record.GetProperty("pendingTimeouts").EnumerateArray().Select(t => Short(t.GetProperty("messageType").GetString()!)).ToArray();

    public static string? Fired(JsonElement record) => record.GetProperty("firedTimeoutId").ValueKind == JsonValueKind.String ? record.GetProperty("firedTimeoutId").GetString() : null;

    public static string RequestedTimeoutId(JsonElement record) =>
        record.GetProperty("timeoutsRequested").EnumerateArray().Single().GetProperty("timeoutId").GetString()!;

    private static string Status(JsonElement state)
    {
        if (state.ValueKind != JsonValueKind.String)
        {
            return "(new)";
        }

        using var data = JsonDocument.Parse(state.GetString()!);
        var status = data.RootElement.GetProperty("status");
        return status.ValueKind == JsonValueKind.String ? status.GetString()! : Statuses[status.GetInt32()];
    }

    private static string Short(string contract) => contract[(contract.LastIndexOf('.') + 1)..];
}
