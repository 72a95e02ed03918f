using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.Pipeline;

// What an endpoint refuses to read, before the serializer sees the body: another content type than JSON, or a body larger than any real
// message. Both are unrecoverable (retrying cannot help), so the message goes straight to the error queue with the reason.
internal static class MessageLimits
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static void Check(string messageId, string? contentType, int bodyLength)
    {
        if (!string.IsNullOrWhiteSpace(contentType) && !contentType.Trim().StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new MessageDeserializationException(
                $"Message {messageId} has content type '{contentType}'; endpoints read only application/json. Send the body as JSON with content type application/json (or no content type).");
        }

        if (bodyLength > MaxBodyBytes)
        {
            throw new MessageDeserializationException(
                $"Message {messageId} has a body of {bodyLength} bytes; at most {MaxBodyBytes} are accepted. Send large data by reference (an id or URL), not in the message.");
        }
    }
}
