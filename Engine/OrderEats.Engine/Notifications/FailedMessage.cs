namespace OrderEats.Engine.Notifications;

/// <summary>A message moved to the error queue: its retries were used up or its failure was unrecoverable.</summary>
/// <param name="Endpoint">The endpoint whose handler failed.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Headers">The headers the message carries into the error queue (with the failure headers).</param>
/// <param name="Body">The message body.</param>
/// <param name="Exception">The last failure.</param>
/// <param name="ErrorQueue">The queue it was moved to.</param>
public sealed record FailedMessage(
    string Endpoint, string MessageId, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, Exception Exception, string ErrorQueue);
