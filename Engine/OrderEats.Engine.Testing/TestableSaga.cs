using System.Globalization;
using System.Text.Json;

namespace OrderEats.Engine.Testing;

/// <summary>
/// Runs a saga in memory the way an endpoint would: its own mapping finds or creates instances, state is saved between messages, timeouts
/// wait on a virtual clock and fire when <see cref="AdvanceTime"/> passes their due time, and simulated replies queue up for
/// <see cref="HandleQueuedMessage"/>. Not thread-safe: drive it from one test.
/// </summary>
/// <typeparam name="TSaga">The saga type.</typeparam>
/// <typeparam name="TData">Its data type.</typeparam>
public sealed class TestableSaga<TSaga, TData>
    where TSaga : Saga<TData>
    where TData : class, IContainSagaData, new()
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Func<TSaga> factory;
    private readonly SagaModel model;
    private readonly Dictionary<Guid, StoredSaga> instances = [];
    private readonly Dictionary<object, Guid> byCorrelationValue = [];
    private readonly List<PendingSagaTimeout> pending = [];
    private readonly Queue<QueuedMessage> queue = new();
    private readonly List<ReplySimulation> replySimulations = [];

    /// <summary>Creates the testable saga for a saga with a parameterless constructor.</summary>
    /// <param name="initialCurrentTime">The virtual clock's start; now when null.</param>
    public TestableSaga(DateTimeOffset? initialCurrentTime = null)
        : this(Ignoring(CreateWithoutArguments), initialCurrentTime)
    {
    }

    /// <summary>Creates the testable saga; <paramref name="factory"/> creates a saga object for every message, as an endpoint does.</summary>
    /// <param name="factory">Creates the saga with its dependencies.</param>
    /// <param name="initialCurrentTime">The virtual clock's start; now when null.</param>
    public TestableSaga(Func<TSaga> factory, DateTimeOffset? initialCurrentTime = null)
        : this(Ignoring(factory), initialCurrentTime)
    {
    }

    /// <summary>Creates the testable saga for a saga that reads the time from a <see cref="System.TimeProvider"/>: it gets the virtual clock.</summary>
    /// <param name="factory">Creates the saga from the virtual clock; called for every message.</param>
    /// <param name="initialCurrentTime">The virtual clock's start; now when null.</param>
    public TestableSaga(Func<TimeProvider, TSaga> factory, DateTimeOffset? initialCurrentTime = null)
        : this(WithClock(factory), initialCurrentTime)
    {
    }

    private TestableSaga(Func<TestableSaga<TSaga, TData>, TSaga> factory, DateTimeOffset? initialCurrentTime)
    {
        this.factory = () => factory(this);
        CurrentTime = initialCurrentTime ?? DateTimeOffset.UtcNow;
        TimeProvider = new VirtualClock(() => CurrentTime);
        model = SagaModel.Build(CreateSaga());
    }

    /// <summary>The virtual clock's time; moved only by <see cref="AdvanceTime"/>.</summary>
    public DateTimeOffset CurrentTime { get; private set; }

    /// <summary>The virtual clock as a <see cref="System.TimeProvider"/>, for sagas that read the time.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How many messages wait for <see cref="HandleQueuedMessage"/>.</summary>
    public int QueueLength => queue.Count;

    /// <summary>The timeouts requested and neither fired nor cancelled, earliest first.</summary>
    public IReadOnlyList<PendingSagaTimeout> PendingTimeouts => [.. pending.OrderBy(t => t.Due)];

    /// <summary>A copy of the data of the instance correlated to <paramref name="correlationValue"/>, or null when there is none.</summary>
    public TData? GetSagaData(object correlationValue)
    {
        ArgumentNullException.ThrowIfNull(correlationValue);
        return byCorrelationValue.TryGetValue(correlationValue, out var id) ? Deserialize(instances[id].Data) : null;
    }

    /// <summary>
    /// Handles <paramref name="message"/>: finds the instance by the saga's mapping (or by the <see cref="Headers.SagaId"/> header of a reply),
    /// creates one if the message starts the saga, calls the handler and saves, completes or drops the instance.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The context to handle it with (message id, headers, reply-to address); a new one when null.</param>
    /// <param name="cancellationToken">Stops before the handler runs.</param>
    public Task<SagaHandleResult<TData>> Handle<TMessage>(TMessage message, TestableMessageHandlerContext? context = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(message);
        return Process(message, context ?? new TestableMessageHandlerContext { CancellationToken = cancellationToken }, cancellationToken);
    }

    /// <summary>
    /// Moves the virtual clock forward by <paramref name="timeSpan"/>, firing every timeout that falls due on the way in due order (the clock
    /// stands at each one's due time while it runs, and timeouts those handlers request fire too if due in the window).
    /// </summary>
    /// <returns>The results of the timeouts that fired; timeouts of instances that no longer exist are dropped.</returns>
    public async Task<IReadOnlyList<SagaHandleResult<TData>>> AdvanceTime(TimeSpan timeSpan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSpan, TimeSpan.Zero);
        var target = CurrentTime + timeSpan;
        var results = new List<SagaHandleResult<TData>>();
        while (NextDue(target) is { } timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pending.Remove(timeout);
            if (timeout.Due > CurrentTime)
            {
                CurrentTime = timeout.Due;
            }

            if (instances.TryGetValue(timeout.SagaId, out var stored))
            {
                results.Add(await Fire(stored, timeout, cancellationToken));
            }
        }

        CurrentTime = target;
        return results;
    }

    /// <summary>Whenever the saga sends or publishes a <typeparamref name="TSagaMessage"/>, queues the reply <paramref name="simulate"/> makes, addressed back to the instance.</summary>
    /// <param name="simulate">Makes the reply from the message the saga sent.</param>
    public void SimulateReply<TSagaMessage, TReplyMessage>(Func<TSagaMessage, TReplyMessage> simulate)
        where TReplyMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(simulate);
        replySimulations.Add(new ReplySimulation(typeof(TSagaMessage), sent => simulate((TSagaMessage)sent)));
    }

    /// <summary>Handles the next queued message (a simulated reply).</summary>
    /// <exception cref="InvalidOperationException">Nothing is queued.</exception>
    public Task<SagaHandleResult<TData>> HandleQueuedMessage(CancellationToken cancellationToken = default)
    {
        if (!queue.TryDequeue(out var queued))
        {
            throw new InvalidOperationException(
                $"No message is queued for saga {model.SagaName}. Replies are queued when the saga sends or publishes a message registered with SimulateReply; check QueueLength first.");
        }

        return Process(queued.Message, new TestableMessageHandlerContext { MessageHeaders = queued.Headers, CancellationToken = cancellationToken }, cancellationToken);
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

    private static Func<TestableSaga<TSaga, TData>, TSaga> Ignoring(Func<TSaga> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return _ => factory();
    }

    private static Func<TestableSaga<TSaga, TData>, TSaga> WithClock(Func<TimeProvider, TSaga> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return testable => factory(testable.TimeProvider);
    }

    private static TData Deserialize(string data) => JsonSerializer.Deserialize<TData>(data, Json)!;

    private static string Serialize(TData data) => JsonSerializer.Serialize(data, Json);

    private async Task<SagaHandleResult<TData>> Process(object message, TestableMessageHandlerContext context, CancellationToken cancellationToken)
    {
        var correlationValue = model.ReadCorrelationValue(message);
        var stored = FindBySagaIdHeader(context) ?? (byCorrelationValue.TryGetValue(correlationValue, out var id) ? instances[id] : null);
        TData data;
        if (stored is not null)
        {
            data = Deserialize(stored.Data);
        }
        else if (model.IsStartedBy(message.GetType()))
        {
            data = new TData { Id = Guid.NewGuid(), Originator = context.ReplyToAddress, OriginalMessageId = context.MessageId };
            model.CorrelationProperty.SetValue(data, correlationValue);
        }
        else
        {
            return new SagaHandleResult<TData>(message, context, sagaNotFound: true, completed: false, snapshot: null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var saga = CreateSaga();
        saga.Data = data;
        var before = Marks.Of(context);
        context.HandlerStartedAt = DateTimeOffset.UtcNow;
        await model.InvokeHandlers(saga, message, context);
        return Save(saga, message, context, before);
    }

    private async Task<SagaHandleResult<TData>> Fire(StoredSaga stored, PendingSagaTimeout timeout, CancellationToken cancellationToken)
    {
        var context = new TestableMessageHandlerContext
        {
            CancellationToken = cancellationToken,
            MessageHeaders = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Headers.IsSagaTimeout] = bool.TrueString,
                [Headers.SagaId] = stored.Id.ToString(),
                [Headers.SagaType] = typeof(TSaga).FullName!,
                [Headers.TimeoutId] = timeout.TimeoutId.ToString(),
            },
        };
        var saga = CreateSaga();
        saga.Data = Deserialize(stored.Data);
        var before = Marks.Of(context);
        context.HandlerStartedAt = DateTimeOffset.UtcNow;
        await model.InvokeTimeout(saga, timeout.State, context);
        return Save(saga, timeout.State, context, before);
    }

    private SagaHandleResult<TData> Save(TSaga saga, object message, TestableMessageHandlerContext context, Marks before)
    {
        var data = saga.Data;
        var correlationValue = model.CorrelationProperty.GetValue(data)!;
        if (instances.TryGetValue(data.Id, out var existing) && !existing.CorrelationValue.Equals(correlationValue))
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "Saga {0} ({1}) changed {2} from {3} to {4} while handling {5}. The correlation value is fixed when the saga starts; keep other values in other properties.",
                model.SagaName,
                data.Id,
                model.CorrelationProperty.Name,
                existing.CorrelationValue,
                correlationValue,
                message.GetType().Name));
        }

        // Cancellation applies to timeouts requested by earlier messages, so "cancel then request again" in one handler restarts the timer.
        pending.RemoveAll(t => t.SagaId == data.Id && saga.CancelledTimeoutTypes.Any(type => type.IsInstanceOfType(t.State)));
        foreach (var timeout in context.TimeoutMessages.Skip(before.Timeouts))
        {
            model.EnsureHandlesTimeout(timeout.Message.GetType());
            var id = timeout.TimeoutId == Guid.Empty ? Guid.NewGuid() : timeout.TimeoutId;
            pending.Add(new PendingSagaTimeout(id, data.Id, RoundTrip(timeout.Message), CurrentTime + timeout.Within));
        }

        if (saga.Completed)
        {
            instances.Remove(data.Id);
            byCorrelationValue.Remove(correlationValue);
            pending.RemoveAll(t => t.SagaId == data.Id);
        }
        else
        {
            instances[data.Id] = new StoredSaga(data.Id, correlationValue, Serialize(data));
            byCorrelationValue[correlationValue] = data.Id;
        }

        QueueSimulatedReplies(data.Id, context, before);
        return new SagaHandleResult<TData>(message, context, sagaNotFound: false, saga.Completed, Deserialize(Serialize(data)));
    }

    private void QueueSimulatedReplies(Guid sagaId, TestableMessageHandlerContext context, Marks before)
    {
        var outgoing = context.SentMessages.Skip(before.Sent).Select(m => (m.Message, m.Options.MessageId))
            .Concat(context.PublishedMessages.Skip(before.Published).Select(m => (m.Message, m.Options.MessageId)));
        foreach (var (message, messageId) in outgoing)
        {
            foreach (var simulation in replySimulations.Where(s => s.SagaMessageType.IsInstanceOfType(message)))
            {
                var headers = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [Headers.SagaId] = sagaId.ToString(),
                    [Headers.SagaType] = typeof(TSaga).FullName!,
                    [Headers.MessageIntent] = "Reply",
                    [Headers.CorrelationId] = messageId ?? context.MessageId,
                };
                queue.Enqueue(new QueuedMessage(simulation.CreateReply(message), headers));
            }
        }
    }

    private StoredSaga? FindBySagaIdHeader(TestableMessageHandlerContext context)
    {
        var headers = context.MessageHeaders;
        var forThisSaga = !headers.TryGetValue(Headers.SagaType, out var sagaType) || sagaType == typeof(TSaga).FullName;
        return forThisSaga && headers.TryGetValue(Headers.SagaId, out var value) && Guid.TryParse(value, out var sagaId)
            ? instances.GetValueOrDefault(sagaId)
            : null;
    }

    private PendingSagaTimeout? NextDue(DateTimeOffset target)
    {
        PendingSagaTimeout? next = null;
        foreach (var timeout in pending.Where(t => t.Due <= target))
        {
            if (next is null || timeout.Due < next.Due)
            {
                next = timeout;
            }
        }

        return next;
    }

    private TSaga CreateSaga() =>
        factory() ?? throw new InvalidOperationException($"The factory given to TestableSaga<{typeof(TSaga).Name}, {typeof(TData).Name}> returned null; return a new saga object.");

    private static object RoundTrip(object state) => JsonSerializer.Deserialize(JsonSerializer.Serialize(state, state.GetType(), Json), state.GetType(), Json)!;
}
