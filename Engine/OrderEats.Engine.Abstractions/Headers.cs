namespace OrderEats.Engine;

/// <summary>Names of the headers the engine writes and reads. Documented in docs/wire-format.md.</summary>
public static class Headers
{
    /// <summary>Prefix of every engine header.</summary>
    public const string Prefix = "OrderEats.";

    /// <summary>The message's unique id.</summary>
    public const string MessageId = Prefix + "MessageId";

    /// <summary>The id shared by every message caused, directly or not, by one original message.</summary>
    public const string ConversationId = Prefix + "ConversationId";

    /// <summary>The id of the message this one answers or was caused by.</summary>
    public const string CorrelationId = Prefix + "CorrelationId";

    /// <summary>The queue replies go to.</summary>
    public const string ReplyToAddress = Prefix + "ReplyToAddress";

    /// <summary>The endpoint that sent the message.</summary>
    public const string OriginatingEndpoint = Prefix + "OriginatingEndpoint";

    /// <summary>The host name of the machine that sent the message.</summary>
    public const string OriginatingHost = Prefix + "OriginatingHost";

    /// <summary>When the message was sent, UTC, ISO 8601.</summary>
    public const string TimeSent = Prefix + "TimeSent";

    /// <summary>The body's content type, application/json.</summary>
    public const string ContentType = Prefix + "ContentType";

    /// <summary>Contract names of the message's type, then its base types and interfaces, separated by ';'.</summary>
    public const string EnclosedMessageTypes = Prefix + "EnclosedMessageTypes";

    /// <summary>Send, Publish or Reply.</summary>
    public const string MessageIntent = Prefix + "MessageIntent";

    /// <summary>W3C trace context of the span that sent the message.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state accompanying <see cref="TraceParent"/>.</summary>
    public const string TraceState = "tracestate";

    /// <summary>The saga instance a message is addressed to (timeouts and replies).</summary>
    public const string SagaId = Prefix + "SagaId";

    /// <summary>The saga type a message is addressed to.</summary>
    public const string SagaType = Prefix + "SagaType";

    /// <summary>The saga instance that sent the message; replies carry it back as <see cref="SagaId"/>.</summary>
    public const string OriginatingSagaId = Prefix + "OriginatingSagaId";

    /// <summary>The saga type that sent the message.</summary>
    public const string OriginatingSagaType = Prefix + "OriginatingSagaType";

    /// <summary>"True" on a saga timeout.</summary>
    public const string IsSagaTimeout = Prefix + "IsSagaTimeout";

    /// <summary>The id of a saga timeout, used to list and cancel it.</summary>
    public const string TimeoutId = Prefix + "TimeoutId";

    /// <summary>When a delayed message becomes due, UTC, ISO 8601.</summary>
    public const string DeliverAt = Prefix + "DeliverAt";

    /// <summary>The queue a delayed message is delivered to when due.</summary>
    public const string DelayedDestination = Prefix + "DelayedDestination";

    /// <summary>How many delayed retries a message has had.</summary>
    public const string DelayedRetries = Prefix + "Retries.Delayed";

    /// <summary>When the message first failed, UTC, ISO 8601; the delayed-retry cap counts from here.</summary>
    public const string FirstFailure = Prefix + "Retries.FirstFailure";

    /// <summary>How many times the message was processed and failed so far, immediate and delayed retries included (set on delayed retries and in the error queue).</summary>
    public const string ProcessingAttempts = Prefix + "Retries.Attempts";

    /// <summary>The queue a failed message was taken from.</summary>
    public const string FailedQueue = Prefix + "FailedQ";

    /// <summary>When the message was moved to the error queue, UTC, ISO 8601.</summary>
    public const string TimeOfFailure = Prefix + "TimeOfFailure";

    /// <summary>Prefix of the exception headers on a failed message.</summary>
    public const string ExceptionInfoPrefix = Prefix + "ExceptionInfo.";

    /// <summary>The exception's full type name.</summary>
    public const string ExceptionType = ExceptionInfoPrefix + "ExceptionType";

    /// <summary>The exception's message.</summary>
    public const string ExceptionMessage = ExceptionInfoPrefix + "Message";

    /// <summary>The full type name of the exception's inner exception (absent when it has none).</summary>
    public const string InnerExceptionType = ExceptionInfoPrefix + "InnerExceptionType";

    /// <summary>The message of the exception's inner exception (absent when it has none).</summary>
    public const string InnerExceptionMessage = ExceptionInfoPrefix + "InnerExceptionMessage";

    /// <summary>The exception's stack trace (with inner exceptions).</summary>
    public const string ExceptionStackTrace = ExceptionInfoPrefix + "StackTrace";

    /// <summary>The exception's source.</summary>
    public const string ExceptionSource = ExceptionInfoPrefix + "Source";

    /// <summary>The exception's help link.</summary>
    public const string ExceptionHelpLink = ExceptionInfoPrefix + "HelpLink";

    /// <summary>Prefix of the exception's Data entries.</summary>
    public const string ExceptionDataPrefix = ExceptionInfoPrefix + "Data.";

    /// <summary>The endpoint that was processing the message when it failed.</summary>
    public const string ProcessingEndpoint = Prefix + "ProcessingEndpoint";

    /// <summary>The machine that was processing the message when it failed.</summary>
    public const string ProcessingMachine = Prefix + "ProcessingMachine";

    /// <summary>Set by an operator's retry: the id of the failed-message record the retry came from.</summary>
    public const string RetryId = Prefix + "Retry.Id";

    /// <summary>Set by an operator's retry: the queue to tell when the retried message succeeded (the console's queue).</summary>
    public const string RetryReportTo = Prefix + "Retry.ReportTo";

    /// <summary>On a retry acknowledgement: the id of the message that succeeded.</summary>
    public const string RetriedMessageId = Prefix + "Retry.MessageId";

    /// <summary>Set on a control message (its kind, e.g. RetrySucceeded): it carries no business payload.</summary>
    public const string ControlMessage = Prefix + "ControlMessage";
}
