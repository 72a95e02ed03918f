namespace OrderEats.Engine.Testing;

/// <summary>What happened when a <see cref="TestableSaga{TSaga, TData}"/> processed one message or timeout.</summary>
/// <typeparam name="TData">The saga data type.</typeparam>
public sealed class SagaHandleResult<TData>
    where TData : class, IContainSagaData
{
    internal SagaHandleResult(object message, TestableMessageHandlerContext context, bool sagaNotFound, bool completed, TData? snapshot)
    {
        SagaId = snapshot?.Id ?? Guid.Empty;
        HandledMessage = message;
        Context = context;
        SagaNotFound = sagaNotFound;
        Completed = completed;
        SagaDataSnapshot = snapshot;
    }

    /// <summary>The id of the instance that handled the message; <see cref="Guid.Empty"/> when no saga was found.</summary>
    public Guid SagaId { get; }

    /// <summary>The message (or timeout state) that was processed.</summary>
    public object HandledMessage { get; }

    /// <summary>The context the handler ran with.</summary>
    public TestableMessageHandlerContext Context { get; }

    /// <summary>True when no instance matched and the message does not start the saga: the handler was not called.</summary>
    public bool SagaNotFound { get; }

    /// <summary>True when the handler called <c>MarkAsComplete</c>: the instance and its pending timeouts are gone.</summary>
    public bool Completed { get; }

    /// <summary>A copy of the saga data after the handler ran, or null when no saga was found.</summary>
    public TData? SagaDataSnapshot { get; }

    /// <summary>The messages sent, except timeouts.</summary>
    public IReadOnlyList<SentMessage> SentMessages => Context.SentMessages;

    /// <summary>The events published.</summary>
    public IReadOnlyList<PublishedMessage> PublishedMessages => Context.PublishedMessages;

    /// <summary>The replies sent.</summary>
    public IReadOnlyList<RepliedMessage> RepliedMessages => Context.RepliedMessages;

    /// <summary>The destinations the message was forwarded to.</summary>
    public IReadOnlyList<string> ForwardedMessages => Context.ForwardedMessages;

    /// <summary>The timeouts requested.</summary>
    public IReadOnlyList<TimeoutMessage> TimeoutMessages => Context.TimeoutMessages;

    /// <summary>The first sent message of type <typeparamref name="T"/>, or null.</summary>
    public T? FindSentMessage<T>()
        where T : class => Context.FindSentMessage<T>();

    /// <summary>The first published event of type <typeparamref name="T"/>, or null.</summary>
    public T? FindPublishedMessage<T>()
        where T : class => Context.FindPublishedMessage<T>();

    /// <summary>The first reply of type <typeparamref name="T"/>, or null.</summary>
    public T? FindReplyMessage<T>()
        where T : class => Context.FindReplyMessage<T>();

    /// <summary>The first requested timeout whose state is of type <typeparamref name="T"/>, or null.</summary>
    public T? FindTimeoutMessage<T>()
        where T : class => Context.FindTimeoutMessage<T>();
}
