namespace OrderEats.Engine.Testing;

/// <summary>
/// An <see cref="IMessageHandlerContext"/> for unit tests: it records what a handler sends, publishes and replies, and the saga timeouts it
/// requests, instead of dispatching anything.
/// </summary>
public class TestableMessageHandlerContext : IMessageHandlerContext
{
    private readonly Lock gate = new();
    private readonly List<SentMessage> sent = [];
    private readonly List<PublishedMessage> published = [];
    private readonly List<RepliedMessage> replied = [];
    private readonly List<TimeoutMessage> timeouts = [];
    private readonly List<string> forwarded = [];
    private IStorageSession? storage;

    /// <summary>Creates a context that reads the system clock.</summary>
    public TestableMessageHandlerContext()
        : this(System.TimeProvider.System)
    {
    }

    /// <summary>Creates a context that reads <paramref name="timeProvider"/>, e.g. a fake clock, when no <see cref="TestableSaga{TSaga, TData}"/> runs it.</summary>
    /// <param name="timeProvider">The clock that turns a requested timeout's delay into its due time.</param>
    public TestableMessageHandlerContext(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        HandlerStartedAt = timeProvider.GetUtcNow();
    }

    /// <summary>The clock this context reads when no <see cref="TestableSaga{TSaga, TData}"/> runs it (a testable saga uses its virtual clock).</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public string MessageId { get; set; } = Guid.NewGuid().ToString();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> MessageHeaders { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The address replies go to; a placeholder by default, so a saga started in a test has an originator to reply to. Set null to test a sender without one.</summary>
    public string? ReplyToAddress { get; set; } = DefaultReplyToAddress;

    /// <summary>The default <see cref="ReplyToAddress"/>.</summary>
    public const string DefaultReplyToAddress = "reply-address";

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; set; }

    // Saga.RequestTimeout turns a delay into DeliverAt with the wall clock, so the delay is recovered from the window the handler ran in:
    // it starts when the context is created, or when TestableSaga invokes the handler, which is tighter.
    internal DateTimeOffset HandlerStartedAt { get; set; }

    // Set while a TestableSaga runs a handler with this context: its virtual clock, and how it learns of timeouts and an aborted dispatch.
    internal Func<DateTimeOffset>? Clock { get; set; }

    internal Action<TimeoutMessage>? OnTimeoutRequested { get; set; }

    internal Action? OnAborted { get; set; }

    /// <summary>The storage session handlers get; set it to a session over a real connection and transaction to test a handler that stores business data.</summary>
    /// <exception cref="InvalidOperationException">Read before one was set: there is no database behind a testable context by default.</exception>
    public IStorageSession Storage
    {
        get => storage ?? throw new InvalidOperationException(
            "TestableMessageHandlerContext has no storage session: a handler that reads or writes business data through context.Storage needs a real " +
            "persistence. Set Storage to a session over a real connection and transaction, test it against an endpoint with SQLite or PostgreSQL " +
            "persistence, or move the logic that does not touch storage into a class you can test on its own.");
        set => storage = value;
    }

    /// <summary>The messages sent with <c>Send</c> or <c>SendLocal</c>, in order, except saga timeouts.</summary>
    public IReadOnlyList<SentMessage> SentMessages => Snapshot(sent);

    /// <summary>The events published, in order.</summary>
    public IReadOnlyList<PublishedMessage> PublishedMessages => Snapshot(published);

    /// <summary>The replies sent, in order.</summary>
    public IReadOnlyList<RepliedMessage> RepliedMessages => Snapshot(replied);

    /// <summary>The saga timeouts requested (local sends carrying the <see cref="Headers.IsSagaTimeout"/> header), in order.</summary>
    public IReadOnlyList<TimeoutMessage> TimeoutMessages => Snapshot(timeouts);

    /// <summary>The destinations the handled message was forwarded to with <c>ForwardCurrentMessageTo</c>, in order.</summary>
    public IReadOnlyList<string> ForwardedMessages => Snapshot(forwarded);

    /// <summary>True once a handler called <c>DoNotContinueDispatchingCurrentMessageToHandlers</c>.</summary>
    public bool HandlerInvocationAborted { get; private set; }

    /// <inheritdoc />
    public Task Send(object message, SendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Record(message, options ?? new SendOptions(), isLocal: false);
    }

    /// <inheritdoc />
    public Task SendLocal(object message, SendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Record(message, options ?? new SendOptions(), isLocal: true);
    }

    /// <inheritdoc />
    public Task Publish(object message, PublishOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            published.Add(new PublishedMessage(message, options ?? new PublishOptions()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Reply(object message, ReplyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            replied.Add(new RepliedMessage(message, options ?? new ReplyOptions()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ForwardCurrentMessageTo(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        lock (gate)
        {
            forwarded.Add(destination);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void DoNotContinueDispatchingCurrentMessageToHandlers()
    {
        HandlerInvocationAborted = true;
        OnAborted?.Invoke();
    }

    /// <summary>The first sent message of type <typeparamref name="T"/>, or null.</summary>
    public T? FindSentMessage<T>()
        where T : class => SentMessages.Select(m => m.Message).OfType<T>().FirstOrDefault();

    /// <summary>The first published event of type <typeparamref name="T"/>, or null.</summary>
    public T? FindPublishedMessage<T>()
        where T : class => PublishedMessages.Select(m => m.Message).OfType<T>().FirstOrDefault();

    /// <summary>The first reply of type <typeparamref name="T"/>, or null.</summary>
    public T? FindReplyMessage<T>()
        where T : class => RepliedMessages.Select(m => m.Message).OfType<T>().FirstOrDefault();

    /// <summary>The first requested timeout whose state is of type <typeparamref name="T"/>, or null.</summary>
    public T? FindTimeoutMessage<T>()
        where T : class => TimeoutMessages.Select(m => m.Message).OfType<T>().FirstOrDefault();

    private Task Record(object message, SendOptions options, bool isLocal)
    {
        var isTimeout = options.Headers.TryGetValue(Headers.IsSagaTimeout, out var flag) && bool.TryParse(flag, out var parsed) && parsed;
        TimeoutMessage? timeout = null;
        lock (gate)
        {
            if (isTimeout)
            {
                timeout = ToTimeout(message, options);
                timeouts.Add(timeout);
            }
            else
            {
                sent.Add(new SentMessage(message, options, isLocal));
            }
        }

        if (timeout is not null)
        {
            OnTimeoutRequested?.Invoke(timeout);
        }

        return Task.CompletedTask;
    }

    private TimeoutMessage ToTimeout(object message, SendOptions options)
    {
        if (Clock is { } clock)
        {
            // Under a TestableSaga the clock stands still while the handler runs, so a time converts to the exact delay.
            var virtualNow = clock();
            var due = options.DeliveryDelay is { } wanted ? virtualNow + wanted : options.DeliverAt ?? virtualNow;
            return new TimeoutMessage(message, options, due, due - virtualNow);
        }

        var now = TimeProvider.GetUtcNow();
        if (options.DeliveryDelay is { } delay)
        {
            return new TimeoutMessage(message, options, options.DeliverAt ?? now + delay, delay);
        }

        var deliverAt = options.DeliverAt ?? now;
        return new TimeoutMessage(message, options, deliverAt, RoundDelay.Recover(deliverAt, HandlerStartedAt, now));
    }

    private List<T> Snapshot<T>(List<T> records)
    {
        lock (gate)
        {
            return [.. records];
        }
    }
}
