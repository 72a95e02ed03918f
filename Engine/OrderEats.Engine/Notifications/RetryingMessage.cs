namespace OrderEats.Engine.Notifications;

/// <summary>A message that failed and is being retried, immediately or after a delay.</summary>
/// <param name="Endpoint">The endpoint whose handler failed.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Headers">The message's headers as received.</param>
/// <param name="Body">The message body.</param>
/// <param name="Exception">Why the attempt failed.</param>
/// <param name="Attempt">The failed attempt's number since the last delayed retry (1 for the first failure).</param>
/// <param name="DelayedRetry">The delayed retry's number (1-based) for a delayed retry; 0 for an immediate one.</param>
/// <param name="Delay">How long until the next attempt: zero for an immediate retry.</param>
public sealed record RetryingMessage(
    string Endpoint, string MessageId, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, Exception Exception, int Attempt, int DelayedRetry, TimeSpan Delay);
