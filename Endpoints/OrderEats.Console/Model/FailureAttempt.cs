namespace OrderEats.Console.Model;

/// <summary>One time a message reached the error queue, with the headers and exception it carried.</summary>
/// <param name="Body">Null: the body is the failure's (one message id has one body; it is stored once).</param>
/// <param name="ProcessingAttempts">How many times the endpoint processed it before this move to the error queue.</param>
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
    string? Body = null,
    int ProcessingAttempts = 1);
