using System.Text.Json;
using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.Serialization;

/// <summary>System.Text.Json bodies; the type travels in a header, not in the body.</summary>
internal sealed class MessageSerializer(JsonSerializerOptions options)
{
    public const string ContentType = "application/json";

    public byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), options);

    public object Deserialize(ReadOnlyMemory<byte> body, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, type, options)
                ?? throw new MessageDeserializationException($"The body of a {type.FullName} message is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new MessageDeserializationException($"The body is not a valid {type.FullName}: {ex.Message}", ex);
        }
    }

    public string SerializeData(object data) => JsonSerializer.Serialize(data, data.GetType(), options);

    public object DeserializeData(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, options) ?? throw new InvalidOperationException($"Stored saga data of {type.FullName} is JSON null.");
}
