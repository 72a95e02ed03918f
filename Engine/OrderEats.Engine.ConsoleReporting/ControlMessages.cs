using System.Globalization;
using System.Text.Json;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>The control messages endpoints and the console exchange (kinds in <see cref="Headers.ControlMessage"/>); bodies are JSON.</summary>
internal static class ControlMessages
{
    public const string SagaAudit = "SagaAudit";
    public const string Heartbeat = "Heartbeat";
    public const string CancelSagaTimeout = "CancelSagaTimeout";
    public const string CancelledBy = Headers.Prefix + "CancelledBy";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static TransportOperation Create(string kind, object body, string queue, string endpoint, string host, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7().ToString();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Headers.MessageId] = id,
            [Headers.ControlMessage] = kind,
            [Headers.ContentType] = "application/json",
            [Headers.OriginatingEndpoint] = endpoint,
            [Headers.OriginatingHost] = host,
            [Headers.TimeSent] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        return TransportOperation.Send(new OutgoingMessage(id, headers, JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json)), queue);
    }
}
