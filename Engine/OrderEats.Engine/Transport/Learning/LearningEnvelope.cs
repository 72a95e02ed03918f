using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>A message file's content; <see cref="Destination"/> is set on delayed sends, which wait outside their queue.</summary>
internal sealed record LearningEnvelope(string Id, Dictionary<string, string> Headers, byte[] Body, string? Destination = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Reads an envelope; on failure says why in <paramref name="error"/>.</summary>
    public static LearningEnvelope? TryParse(byte[] content, out string? error)
    {
        LearningEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<LearningEnvelope>(content, Options);
        }
        catch (JsonException e)
        {
            error = $"The learning transport could not parse the message file as an envelope: {e.Message}";
            return null;
        }

        error = envelope switch
        {
            null => "The message file is empty (JSON null).",
            { Id: null or "" } => "The message envelope has no id.",
            { Headers: null } => "The message envelope has no headers.",
            { Body: null } => "The message envelope has no body.",
            _ => null,
        };
        return error is null ? envelope : null;
    }
}
