namespace OrderEats.Console.Model;

/// <summary>One time a message reached the error queue, with everything it carried.</summary>
public sealed record FailureAttempt(
    int Number,
    string MessageId,
    string FailedQueue,
    string Endpoint,
    string Host,
    string ExceptionType,
    string ExceptionMessage,
    string StackTrace,
    DateTimeOffset TimeOfFailure,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
