namespace OrderEats.Engine.Transport;

/// <summary>A message ready for the wire: id, headers (strings) and body bytes.</summary>
/// <param name="MessageId">The message id; the transport puts it on the wire.</param>
/// <param name="Headers">The headers, including <see cref="Engine.Headers.MessageId"/>.</param>
/// <param name="Body">The serialized body (UTF-8 JSON).</param>
public sealed record OutgoingMessage(string MessageId, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);
