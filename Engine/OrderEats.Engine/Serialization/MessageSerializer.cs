using System.Text.Json;
using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.Serialization;

/// <summary>
/// System.Text.Json bodies; the type travels in a header, not in the body. Incoming bodies are read strictly: a constructor parameter without a
/// default value must be present and a member the contract declares non-nullable must not be null, so a body that breaks its contract fails
/// here, naming the member, instead of reaching a handler with a default value.
/// </summary>
internal sealed class MessageSerializer(JsonSerializerOptions options)
{
    public const string ContentType = "application/json";

    private readonly JsonSerializerOptions strict = new(options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    public JsonSerializerOptions Options => options;

    public byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), options);

    public object Deserialize(ReadOnlyMemory<byte> body, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, type, strict)
                ?? throw new MessageDeserializationException($"The body of a {type.FullName} message is JSON null. Send a JSON object.");
        }
        catch (JsonException ex)
        {
            var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $" at {ex.Path}";
            throw new MessageDeserializationException(
                $"The body is not a valid {type.FullName}{at}: {ex.Message} Fix the sender so that the body satisfies the contract of {type.Name}.", ex);
        }
    }

    public string SerializeData(object data) => JsonSerializer.Serialize(data, data.GetType(), options);

    public object DeserializeData(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, options) ?? throw new InvalidOperationException($"Stored saga data of {type.FullName} is JSON null.");
}
