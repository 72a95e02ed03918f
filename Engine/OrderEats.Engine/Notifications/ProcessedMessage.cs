namespace OrderEats.Engine.Notifications;

/// <summary>A message an endpoint processed successfully (its unit of work committed and its outgoing messages were dispatched).</summary>
/// <param name="Endpoint">The endpoint that processed it.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Headers">The message's headers.</param>
/// <param name="Message">The deserialized message, or null for a message that never reached the handlers (a control message, an outbox duplicate).</param>
public sealed record ProcessedMessage(string Endpoint, string MessageId, IReadOnlyDictionary<string, string> Headers, object? Message);
