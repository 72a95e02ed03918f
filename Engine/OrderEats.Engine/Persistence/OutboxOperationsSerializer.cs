using System.Text.Json;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Persistence;

/// <summary>Turns outbox operations into one JSON text column and back, so every outbox store keeps the same format.</summary>
public static class OutboxOperationsSerializer
{
    /// <summary>Serializes the operations to JSON.</summary>
    public static string Serialize(IReadOnlyList<TransportOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var dtos = operations.Select(o => new OperationDto(
            o.Message.MessageId,
            new Dictionary<string, string>(o.Message.Headers, StringComparer.Ordinal),
            o.Message.Body.ToArray(),
            o.Queue,
            o.EventTypes.Count == 0 ? null : [.. o.EventTypes],
            o.DeliverAt)).ToList();
        return JsonSerializer.Serialize(dtos);
    }

    /// <summary>Reads operations written by <see cref="Serialize"/>.</summary>
    public static IReadOnlyList<TransportOperation> Deserialize(string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        var dtos = JsonSerializer.Deserialize<List<OperationDto>>(json) ?? [];
        return dtos.Select(d =>
        {
            var message = new OutgoingMessage(d.MessageId, d.Headers, d.Body);
            return d.Queue is null
                ? TransportOperation.Publish(message, d.EventTypes ?? [])
                : TransportOperation.Send(message, d.Queue, d.DeliverAt);
        }).ToList();
    }

    private sealed record OperationDto(
        string MessageId,
        Dictionary<string, string> Headers,
        byte[] Body,
        string? Queue,
        List<string>? EventTypes,
        DateTimeOffset? DeliverAt);
}
