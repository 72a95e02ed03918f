using System.Reflection;
using System.Text.Json;
using OrderEats.Engine.Notifications;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine;

/// <summary>Everything about one endpoint: its name, transport, persistence, handlers, routing, retries and limits.</summary>
public sealed class EndpointConfiguration
{
    private readonly List<Type> handlerTypes = [];
    private readonly HashSet<Type> messageTypes = [];
    private readonly HashSet<Type> inlineEventTypes = [];
    private readonly List<Extensibility.IEndpointExtension> extensions = [];

    /// <summary>Creates the configuration of the endpoint named <paramref name="endpointName"/>; the name is also its queue.</summary>
    public EndpointConfiguration(string endpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        EndpointName = endpointName;
    }

    /// <summary>The endpoint's name and input queue.</summary>
    public string EndpointName { get; }

    /// <summary>The error queue (default "error").</summary>
    public string ErrorQueue { get; set; } = "error";

    /// <summary>The host name written into headers (default: the machine name).</summary>
    public string HostName { get; set; } = Environment.MachineName;

    /// <summary>The most messages processed at once (default max(2, cores)).</summary>
    public int MaxConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long shutdown waits for in-flight messages (default 30 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True for an endpoint that only sends and publishes (no input queue, no handlers).</summary>
    public bool SendOnly { get; set; }

    /// <summary>True to process every message through the outbox (needs a persistence with an outbox store).</summary>
    public bool OutboxEnabled { get; private set; }

    /// <summary>How long dispatched outbox records are kept for deduplication (default 7 days).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Where events go and which commands go where.</summary>
    public RoutingSettings Routing { get; } = new();

    /// <summary>Retries and the error queue.</summary>
    public RecoverabilitySettings Recoverability { get; } = new();

    /// <summary>How transactional sessions complete (needs the outbox); see <c>EndpointInstance.OpenTransactionalSession</c>.</summary>
    public TransactionalSessionSettings TransactionalSession { get; } = new();

    /// <summary>Contract versions of the messages and the upcasters for older ones.</summary>
    public Versioning.MessageVersioning Versioning { get; } = new();

    /// <summary>JSON options for message bodies and saga data.</summary>
    public JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>What the endpoint adds to the logging scope of every message (see <see cref="LoggingSettings.AddScopeFromProperty"/>).</summary>
    public LoggingSettings Logging { get; } = new();

    /// <summary>The add-ons' settings, in the order they were first asked for; each is attached when the endpoint starts receiving.</summary>
    public IReadOnlyList<Extensibility.IEndpointExtension> Extensions => extensions;

    /// <summary>Callbacks for processed, retried and failed messages (alerts, tests that wait for work to finish).</summary>
    public EndpointNotifications Notifications { get; } = new();

    /// <summary>True (the default) to subscribe at startup to every event type the endpoint's handlers handle; false to subscribe only explicitly with <c>IMessageSession.Subscribe</c>.</summary>
    public bool AutoSubscribe { get; set; } = true;

    /// <summary>Additional queues the transport creates at setup.</summary>
    public IList<string> AdditionalQueues { get; } = [];

    /// <summary>Creates the transport; set by <c>UseLearningTransport</c>, <c>UseRabbitMq</c>.</summary>
    public Func<IServiceProvider, ITransport>? TransportFactory { get; private set; }

    /// <summary>Creates the persistence; set by <c>UseInMemoryPersistence</c>, <c>UseSqlite</c>, <c>UsePostgreSql</c>, <c>UseSqlServer</c>.</summary>
    public Func<IServiceProvider, EndpointPersistence>? PersistenceFactory { get; private set; }

    /// <summary>The handler and saga types registered.</summary>
    public IReadOnlyList<Type> HandlerTypes => handlerTypes;

    /// <summary>Message types known by contract name, beyond those the handlers name.</summary>
    public IReadOnlyCollection<Type> MessageTypes => messageTypes;

    /// <summary>Event types this endpoint handles inline when it publishes them itself (see <see cref="HandleInline{TEvent}"/>).</summary>
    public IReadOnlyCollection<Type> InlineEventTypes => inlineEventTypes;

    /// <summary>The endpoint's one <typeparamref name="T"/>, created on first use; add-ons keep their settings in it and it attaches the add-on at start.</summary>
    public T Extension<T>()
        where T : class, Extensibility.IEndpointExtension, new()
    {
        if (extensions.OfType<T>().FirstOrDefault() is { } existing)
        {
            return existing;
        }

        var created = new T();
        extensions.Add(created);
        return created;
    }

    /// <summary>Uses <paramref name="factory"/> to create the transport.</summary>
    public void UseTransport(Func<IServiceProvider, ITransport> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        TransportFactory = factory;
    }

    /// <summary>Uses <paramref name="factory"/> to create the persistence.</summary>
    public void UsePersistence(Func<IServiceProvider, EndpointPersistence> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        PersistenceFactory = factory;
    }

    /// <summary>Processes every message through the outbox: exactly-once effects for everything stored in the unit of work.</summary>
    public void EnableOutbox() => OutboxEnabled = true;

    /// <summary>
    /// Handles <typeparamref name="TEvent"/> events that this endpoint's own handlers publish inline: this endpoint's (non-saga) handlers of the
    /// event run right after the publishing handler, in the same unit of work (same transaction, same outbox record, same retry), instead of
    /// the event making a round trip through the broker. The event is still published for every other subscriber. The endpoint does not
    /// subscribe to <typeparamref name="TEvent"/> (a subscription left by an earlier version is removed at startup), so copies published by other
    /// endpoints do not reach it; one already in the queue is still handled normally. Use it for projections that must change together with
    /// the state that raised the event, such as a read model kept by the endpoint that hosts the saga.
    /// </summary>
    public EndpointConfiguration HandleInline<TEvent>()
        where TEvent : IEvent
    {
        inlineEventTypes.Add(typeof(TEvent));
        messageTypes.Add(typeof(TEvent));
        return this;
    }

    /// <summary>Registers a handler or saga type.</summary>
    public EndpointConfiguration AddHandler<T>()
        where T : class => AddHandler(typeof(T));

    /// <summary>Registers a handler or saga type.</summary>
    public EndpointConfiguration AddHandler(Type handlerType)
    {
        ArgumentNullException.ThrowIfNull(handlerType);
        if (handlerType.IsAbstract || !IsHandler(handlerType))
        {
            throw new ArgumentException(
                $"{handlerType.FullName} is not a message handler: implement IHandleMessages<T> or IHandleSagaNotFound (or derive from Saga<TData>) on a concrete class.",
                nameof(handlerType));
        }

        if (!handlerTypes.Contains(handlerType))
        {
            handlerTypes.Add(handlerType);
        }

        return this;
    }

    /// <summary>Registers every concrete handler and saga in <paramref name="assembly"/>, optionally only those in namespace <paramref name="ns"/>.</summary>
    public EndpointConfiguration AddHandlersFromAssembly(Assembly assembly, string? ns = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && t.IsClass && IsHandler(t) && (ns is null || t.Namespace == ns)))
        {
            AddHandler(type);
        }

        return this;
    }

    /// <summary>Makes every message type (IMessage) in <paramref name="assembly"/> known by its contract name.</summary>
    public EndpointConfiguration AddMessageTypesFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IMessage).IsAssignableFrom(t) && !t.IsAbstract))
        {
            messageTypes.Add(type);
        }

        return this;
    }

    private static bool IsHandler(Type type) =>
        typeof(IHandleSagaNotFound).IsAssignableFrom(type) ||
        type.GetInterfaces().Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(IHandleMessages<>) || i.GetGenericTypeDefinition() == typeof(IHandleTimeouts<>)));
}
