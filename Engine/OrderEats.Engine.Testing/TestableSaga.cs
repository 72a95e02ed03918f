using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.InMemory;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Testing;

/// <summary>
/// Runs a saga in memory through the engine's own saga rules (the same metadata validation and invoker an endpoint uses): its mapping or finder
/// finds or creates instances, state is saved between messages as JSON, timeouts wait on a virtual clock and fire when <see cref="AdvanceTime"/>
/// passes their due time, and messages the saga sends or publishes to itself, and simulated replies, queue up for <see cref="HandleQueuedMessage"/>.
/// Not thread-safe: drive it from one test.
/// </summary>
/// <typeparam name="TSaga">The saga type.</typeparam>
/// <typeparam name="TData">Its data type.</typeparam>
public sealed class TestableSaga<TSaga, TData>
    where TSaga : Saga<TData>
    where TData : class, IContainSagaData, new()
{
    private readonly SagaMetadata metadata;
    private readonly InMemoryStore store = new();
    private readonly MessageSerializer serializer = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private readonly VirtualClock clock;
    private readonly TestingSagaRuntime runtime;
    private readonly SagaInvoker invoker;
    private readonly List<ScheduledMessage> scheduled = [];
    private readonly Queue<QueuedSagaMessage> queue = new();
    private readonly List<ReplySimulation> replySimulations = [];

    /// <summary>Creates the testable saga for a saga with a parameterless constructor.</summary>
    /// <param name="initialCurrentTime">The virtual clock's start; the system clock's now when null.</param>
    public TestableSaga(DateTimeOffset? initialCurrentTime = null)
        : this(_ => CreateWithoutArguments(), initialCurrentTime)
    {
    }

    /// <summary>Creates the testable saga; <paramref name="factory"/> creates a saga object for every message, as an endpoint does.</summary>
    /// <param name="factory">Creates the saga with its dependencies.</param>
    /// <param name="initialCurrentTime">The virtual clock's start; the system clock's now when null.</param>
    public TestableSaga(Func<TSaga> factory, DateTimeOffset? initialCurrentTime = null)
        : this(Ignoring(factory), initialCurrentTime)
    {
    }

    /// <summary>Creates the testable saga for a saga that reads the time from a <see cref="System.TimeProvider"/>: it gets the virtual clock.</summary>
    /// <param name="factory">Creates the saga from the virtual clock; called for every message.</param>
    /// <param name="initialCurrentTime">The virtual clock's start; the system clock's now when null.</param>
    public TestableSaga(Func<TimeProvider, TSaga> factory, DateTimeOffset? initialCurrentTime = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        metadata = SagaMetadata.Create(typeof(TSaga));
        clock = new VirtualClock(initialCurrentTime ?? System.TimeProvider.System.GetUtcNow());
        runtime = new TestingSagaRuntime(() => factory(TimeProvider), () => CurrentTime);
        invoker = new SagaInvoker(new InMemorySagaPersister(store), serializer, runtime, TimeProvider, NullLogger.Instance);
    }

    /// <summary>The virtual clock's time; moved only by <see cref="AdvanceTime"/>.</summary>
    public DateTimeOffset CurrentTime => clock.GetUtcNow();

    /// <summary>The virtual clock as a <see cref="System.TimeProvider"/>, for sagas that read the time.</summary>
    public TimeProvider TimeProvider => clock;

    /// <summary>How many messages wait for <see cref="HandleQueuedMessage"/>.</summary>
    public int QueueLength => queue.Count;

    /// <summary>True when messages wait for <see cref="HandleQueuedMessage"/>.</summary>
    public bool HasQueuedMessages => queue.Count > 0;

    /// <summary>The timeouts requested and neither fired nor cancelled, earliest first.</summary>
    public IReadOnlyList<PendingSagaTimeout> PendingTimeouts =>
        [.. scheduled.Where(s => s.IsTimeout).OrderBy(s => s.Due).Select(s => new PendingSagaTimeout(s.TimeoutId, s.SagaId, s.Message, s.Due))];

    /// <summary>The next message <see cref="HandleQueuedMessage"/> would handle.</summary>
    /// <exception cref="InvalidOperationException">Nothing is queued.</exception>
    public QueuedSagaMessage QueuePeek() => queue.TryPeek(out var next) ? next : throw NothingQueued();

    /// <summary>A copy of the data of the instance correlated to <paramref name="correlationValue"/>, or null when there is none.</summary>
    public TData? GetSagaData(object correlationValue)
    {
        ArgumentNullException.ThrowIfNull(correlationValue);
        var record = store.Table(metadata.Storage).Values.FirstOrDefault(r => Equals(r.CorrelationValue, correlationValue));
        return record is null ? null : (TData)serializer.DeserializeData(record.Data, typeof(TData));
    }

    /// <summary>
    /// Handles <paramref name="message"/> as an endpoint would: finds the instance by the saga's mapping or finder (or by the <see cref="Headers.SagaId"/>
    /// header of a reply), creates one if the message starts the saga, calls the handler and saves, completes or drops the instance.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The context to handle it with (message id, headers, reply-to address); a new one when null.</param>
    /// <param name="cancellationToken">Stops before the handler runs.</param>
    public Task<SagaHandleResult<TData>> Handle<TMessage>(TMessage message, TestableMessageHandlerContext? context = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(message);
        return Process(message, context ?? new TestableMessageHandlerContext { CancellationToken = cancellationToken }, null, isTimeout: false, cancellationToken);
    }

    /// <summary>Handles <paramref name="message"/> arriving with <paramref name="messageHeaders"/> (added to the context's headers).</summary>
    public Task<SagaHandleResult<TData>> Handle<TMessage>(
        TMessage message, IReadOnlyDictionary<string, string> messageHeaders, TestableMessageHandlerContext? context = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageHeaders);
        return Process(message, context ?? new TestableMessageHandlerContext { CancellationToken = cancellationToken }, messageHeaders, isTimeout: false, cancellationToken);
    }

    /// <summary>Handles <paramref name="message"/> as a reply addressed to the instance <paramref name="sagaId"/> (as a handler's reply to a saga's message is).</summary>
    public Task<SagaHandleResult<TData>> HandleReply<TMessage>(Guid sagaId, TMessage message, TestableMessageHandlerContext? context = null, CancellationToken cancellationToken = default)
        where TMessage : notnull => Handle(message, ReplyHeaders(sagaId, context?.MessageId ?? Guid.NewGuid().ToString()), context, cancellationToken);

    /// <summary>
    /// Moves the virtual clock forward by <paramref name="timeSpan"/>, firing every timeout (and delivering every delayed message to itself) that falls
    /// due on the way, in due order: the clock stands at each one's due time while it runs, and what those handlers schedule fires too if due in the window.
    /// </summary>
    /// <returns>The results of what fired; timeouts of instances that no longer exist are dropped, as an endpoint drops them.</returns>
    public async Task<IReadOnlyList<SagaHandleResult<TData>>> AdvanceTime(TimeSpan timeSpan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSpan, TimeSpan.Zero);
        var target = CurrentTime + timeSpan;
        var results = new List<SagaHandleResult<TData>>();
        while (scheduled.Where(s => s.Due <= target).OrderBy(s => s.Due).FirstOrDefault() is { } next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scheduled.Remove(next);
            clock.MoveTo(next.Due > CurrentTime ? next.Due : CurrentTime);
            var context = new TestableMessageHandlerContext { CancellationToken = cancellationToken, MessageHeaders = next.Headers };
            if (await Invoke(next.Message, context, next.IsTimeout, cancellationToken) is { } result)
            {
                results.Add(result);
            }
        }

        clock.MoveTo(target);
        return results;
    }

    /// <summary>
    /// Whenever the saga sends or publishes a <typeparamref name="TSagaMessage"/>, queues the reply <paramref name="simulate"/> makes (none when it returns
    /// null), addressed back to the instance as a real reply is.
    /// </summary>
    /// <param name="simulate">Makes the reply from the message the saga sent.</param>
    public void SimulateReply<TSagaMessage, TReplyMessage>(Func<TSagaMessage, TReplyMessage?> simulate)
        where TReplyMessage : class
    {
        ArgumentNullException.ThrowIfNull(simulate);
        replySimulations.Add(new ReplySimulation(typeof(TSagaMessage), sent => simulate((TSagaMessage)sent)));
    }

    /// <summary>Handles the next queued message.</summary>
    /// <exception cref="InvalidOperationException">Nothing is queued.</exception>
    public Task<SagaHandleResult<TData>> HandleQueuedMessage(CancellationToken cancellationToken = default)
    {
        if (!queue.TryDequeue(out var queued))
        {
            throw NothingQueued();
        }

        return Process(queued.Message, new TestableMessageHandlerContext { MessageHeaders = queued.Headers, CancellationToken = cancellationToken }, null, isTimeout: false, cancellationToken);
    }

    private static TSaga CreateWithoutArguments()
    {
        if (typeof(TSaga).GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"Saga {typeof(TSaga).Name} has no parameterless constructor. Pass a factory: new TestableSaga<{typeof(TSaga).Name}, {typeof(TData).Name}>(() => new {typeof(TSaga).Name}(...)).");
        }

        return Activator.CreateInstance<TSaga>();
    }

    private static Func<TimeProvider, TSaga> Ignoring(Func<TSaga> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return _ => factory();
    }

    private static InvalidOperationException NothingQueued() => new(
        $"No message is queued for saga {typeof(TSaga).Name}. Messages are queued when the saga sends or publishes a message it handles itself, or one registered with SimulateReply; check QueueLength first.");

    private async Task<SagaHandleResult<TData>> Process(
        object message, TestableMessageHandlerContext context, IReadOnlyDictionary<string, string>? extraHeaders, bool isTimeout, CancellationToken cancellationToken)
    {
        if (extraHeaders is not null)
        {
            var merged = context.MessageHeaders.ToDictionary(StringComparer.Ordinal);
            foreach (var (key, value) in extraHeaders)
            {
                merged[key] = value;
            }

            context.MessageHeaders = merged;
        }

        return await Invoke(message, context, isTimeout, cancellationToken)
            ?? new SagaHandleResult<TData>(message, context, sagaNotFound: true, completed: false, snapshot: null);
    }

    // Null when a timeout was dropped (its instance completed, or it was cancelled).
    private async Task<SagaHandleResult<TData>?> Invoke(object message, TestableMessageHandlerContext context, bool isTimeout, CancellationToken cancellationToken)
    {
        var invokers = metadata.InvokersFor(message.GetType(), isTimeout);
        if (invokers.Count == 0)
        {
            throw new InvalidOperationException(isTimeout
                ? $"Saga {typeof(TSaga).Name} requested a timeout of type {message.GetType().Name} but does not handle it. Implement IHandleTimeouts<{message.GetType().Name}> on {typeof(TSaga).Name}."
                : $"Saga {typeof(TSaga).Name} does not handle message {message.GetType().Name}. Implement IHandleMessages<{message.GetType().Name}> on {typeof(TSaga).Name}, or hand the message to the handler that does.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var incoming = Incoming(message, context, cancellationToken);
        var marks = Marks.Of(context);
        context.HandlerStartedAt = context.TimeProvider.GetUtcNow();
        runtime.Context = context;
        SagaInvocation invocation;
        await using (var session = new InMemorySession(store))
        {
            incoming.Session = session;
            invocation = await invoker.Invoke(metadata, invokers, incoming);
            await session.Commit(cancellationToken);
        }

        runtime.Context = null;
        context.Clock = null;
        context.OnTimeoutRequested = null;
        context.OnAborted = null;
        if (invocation.Instance is not TSaga saga)
        {
            return invocation.Outcome == SagaOutcome.TimeoutDropped ? null : new SagaHandleResult<TData>(message, context, sagaNotFound: true, completed: false, snapshot: null);
        }

        var sagaId = saga.Data.Id;
        foreach (var timeout in context.TimeoutMessages.Skip(marks.Timeouts).Where(t => t.TimeoutId != Guid.Empty))
        {
            scheduled.Add(new ScheduledMessage(timeout.TimeoutId, sagaId, timeout.Message, TimeoutHeaders(sagaId, timeout), runtime.Due(timeout.Options), IsTimeout: true));
        }

        // What the instance no longer has pending (cancelled, or the saga completed) never fires.
        var stillPending = store.Table(metadata.Storage).GetValueOrDefault(sagaId)?.PendingTimeouts.Select(t => t.TimeoutId).ToHashSet() ?? [];
        scheduled.RemoveAll(s => s.IsTimeout && s.SagaId == sagaId && !stillPending.Contains(s.TimeoutId));
        QueueOutgoing(sagaId, context, marks);
        var snapshot = (TData)serializer.DeserializeData(serializer.SerializeData(saga.Data), typeof(TData));
        return new SagaHandleResult<TData>(message, context, sagaNotFound: false, saga.Completed, snapshot);
    }

    private IncomingContext Incoming(object message, TestableMessageHandlerContext context, CancellationToken cancellationToken)
    {
        var headers = context.MessageHeaders.ToDictionary(StringComparer.Ordinal);
        headers[Headers.MessageId] = context.MessageId;
        if (context.ReplyToAddress is { } replyTo)
        {
            headers.TryAdd(Headers.ReplyToAddress, replyTo);
        }

        return new IncomingContext(new IncomingMessage(context.MessageId, headers, serializer.Serialize(message)), NoServices.Instance, cancellationToken) { Body = message };
    }

    private void QueueOutgoing(Guid sagaId, TestableMessageHandlerContext context, Marks marks)
    {
        var outgoing = context.SentMessages.Skip(marks.Sent).Select(m => (m.Message, (ExtendableOptions)m.Options))
            .Concat(context.PublishedMessages.Skip(marks.Published).Select(m => (m.Message, (ExtendableOptions)m.Options)));
        foreach (var (message, options) in outgoing)
        {
            if (metadata.Handles(message.GetType()))
            {
                var headers = new Dictionary<string, string>(options.Headers, StringComparer.Ordinal)
                {
                    [Headers.OriginatingSagaId] = sagaId.ToString(),
                    [Headers.OriginatingSagaType] = metadata.Name,
                };
                if (options is SendOptions { DeliveryDelay: not null } or SendOptions { DeliverAt: not null })
                {
                    scheduled.Add(new ScheduledMessage(Guid.NewGuid(), sagaId, message, headers, runtime.Due((SendOptions)options), IsTimeout: false));
                }
                else
                {
                    queue.Enqueue(new QueuedSagaMessage(message, headers));
                }

                continue;
            }

            foreach (var simulation in replySimulations.Where(s => s.SagaMessageType.IsInstanceOfType(message)))
            {
                if (simulation.CreateReply(message) is { } reply)
                {
                    queue.Enqueue(new QueuedSagaMessage(reply, ReplyHeaders(sagaId, options.MessageId ?? context.MessageId)));
                }
            }
        }
    }

    private Dictionary<string, string> ReplyHeaders(Guid sagaId, string correlationId) => new(StringComparer.Ordinal)
    {
        [Headers.SagaId] = sagaId.ToString(),
        [Headers.SagaType] = metadata.Name,
        [Headers.MessageIntent] = "Reply",
        [Headers.CorrelationId] = correlationId,
    };

    private Dictionary<string, string> TimeoutHeaders(Guid sagaId, TimeoutMessage timeout) => new(timeout.Options.Headers, StringComparer.Ordinal)
    {
        [Headers.IsSagaTimeout] = bool.TrueString,
        [Headers.SagaId] = sagaId.ToString(),
        [Headers.SagaType] = metadata.Name,
        [Headers.TimeoutId] = timeout.TimeoutId.ToString(),
    };
}
