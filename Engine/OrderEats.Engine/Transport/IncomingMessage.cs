namespace OrderEats.Engine.Transport;

/// <summary>A message as received.</summary>
/// <param name="MessageId">The message id (from the wire; generated when the message had none, see <paramref name="TransportError"/>).</param>
/// <param name="Headers">The headers as strings.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="TransportError">Set when the transport could not read the message fully (no id, unreadable headers): the engine moves it to the error queue without processing it.</param>
public sealed record IncomingMessage(string MessageId, Dictionary<string, string> Headers, ReadOnlyMemory<byte> Body, string? TransportError = null);
