using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Hosting;

/// <summary>A running endpoint: it receives from its queue and can send and publish. Stop it to finish in-flight work and release the transport.</summary>
public sealed class EndpointInstance : IMessageSession, IAsyncDisposable
{
    private readonly EndpointConfiguration configuration;
    private readonly ITransport transport;
    private readonly OutgoingMessageFactory factory;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private IAsyncDisposable? receiver;
    private Task? purgeLoop;
    private OutboxDispatchMarks? outboxMarks;
    private Monitoring.EndpointMonitoring? monitoring;
    private TransactionalSession.TransactionalSessions? sessions;
    private int stopped;
    private readonly ConsecutiveFailureThrottle throttle;
    private readonly EndpointSession session;

    private EndpointInstance(EndpointConfiguration configuration, ITransport transport, OutgoingMessageFactory factory, TimeProvider time, ILogger logger)
    {
        this.configuration = configuration;
        this.transport = transport;
        this.factory = factory;
        this.time = time;
        this.logger = logger;
        throttle = configuration.Recoverability.CreateThrottle(configuration.EndpointName, time, logger);
        session = new EndpointSession(configuration, transport, factory, time);
    }

    /// <summary>The endpoint's name and queue.</summary>
    public string EndpointName => configuration.EndpointName;

    /// <summary>The transport the endpoint runs on (for health checks and tools).</summary>
    public ITransport Transport => transport;

    /// <summary>True while consecutive failures keep the endpoint throttled (one message at a time; see <see cref="RecoverabilitySettings.ThrottleAfterConsecutiveFailures"/>).</summary>
    public bool IsThrottled => throttle.IsThrottled;

    /// <summary>Raised when the endpoint enters or leaves throttled mode.</summary>
    public event EventHandler<ThrottleChangedEventArgs>? ThrottleChanged { add => throttle.Changed += value; remove => throttle.Changed -= value; }

    /// <summary>Validates the configuration, creates the topology and schema, and starts receiving.</summary>
    public static async Task<EndpointInstance> Start(EndpointConfiguration configuration, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(services);
        var name = configuration.EndpointName;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("OrderEats.Engine.Endpoint." + name);

        var handlers = new HandlerRegistry(configuration.HandlerTypes);
        var registry = new MessageTypeRegistry();
        foreach (var type in configuration.MessageTypes.Concat(handlers.MessageTypes))
        {
            registry.Register(type);
        }

        var transportFactory = configuration.TransportFactory
            ?? throw new InvalidOperationException($"Endpoint {name} has no transport. Call UseLearningTransport(folder) or UseRabbitMq(uri) on its configuration.");
        var persistence = configuration.PersistenceFactory?.Invoke(services);
        if (handlers.Sagas.Count > 0 && persistence is null)
        {
            throw new InvalidOperationException(
                $"Endpoint {name} hosts saga {handlers.Sagas[0].SagaType.Name} but has no persistence. Call UseSqlite, UsePostgreSql, UseSqlServer or UseInMemoryPersistence on its configuration.");
        }

        if (configuration.OutboxEnabled && persistence?.Outbox is null)
        {
            throw new InvalidOperationException($"Endpoint {name} enables the outbox, but its persistence has no outbox store. Use a SQL persistence or do not call EnableOutbox().");
        }

        ValidateInlineEvents(configuration, handlers);
        var serializer = new MessageSerializer(configuration.SerializerOptions);
        var factory = new OutgoingMessageFactory(configuration, registry, serializer);
        var transport = transportFactory(services);
        var instance = new EndpointInstance(configuration, transport, factory, time, logger);
        try
        {
            await instance.Run(handlers, registry, serializer, persistence, services, loggerFactory, cancellationToken);
        }
        catch
        {
            await transport.DisposeAsync();
            throw;
        }

        return instance;
    }

    /// <inheritdoc />
    public Task Send(object message, SendOptions? options = null, CancellationToken cancellationToken = default) => session.Send(message, options, cancellationToken);

    /// <inheritdoc />
    public Task SendLocal(object message, SendOptions? options = null, CancellationToken cancellationToken = default) => session.SendLocal(message, options, cancellationToken);

    /// <inheritdoc />
    public Task Publish(object message, PublishOptions? options = null, CancellationToken cancellationToken = default) => session.Publish(message, options, cancellationToken);

    /// <inheritdoc />
    public Task Subscribe(Type eventType, CancellationToken cancellationToken = default) => session.Subscribe(eventType, cancellationToken);

    /// <inheritdoc />
    public Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default) => session.Unsubscribe(eventType, cancellationToken);

    /// <summary>
    /// Opens a transactional session: business data written through its storage and the messages it sends commit together and are dispatched
    /// after the commit, a crash in between being repaired by this endpoint. Needs the outbox (<see cref="EndpointConfiguration.EnableOutbox"/>).
    /// </summary>
    public Task<ITransactionalSession> OpenTransactionalSession(CancellationToken cancellationToken = default) =>
        (sessions ?? throw new InvalidOperationException(
            $"Endpoint {EndpointName} cannot open a transactional session: it needs the outbox and an input queue. Call EnableOutbox() with a SQL persistence, and do not make the endpoint send-only."))
        .Open(cancellationToken);

    /// <summary>Stops receiving, waits up to the shutdown timeout for in-flight messages (then cancels them), and disposes the transport.</summary>
    public async Task Stop(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        logger.LogInformation("Endpoint {Endpoint} stopping", EndpointName);
        if (receiver is not null)
        {
            var draining = receiver.DisposeAsync().AsTask();
            try
            {
                await draining.WaitAsync(configuration.ShutdownTimeout, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                logger.LogWarning("Endpoint {Endpoint}: in-flight messages did not finish within {Timeout}; cancelling them (they are requeued)", EndpointName, configuration.ShutdownTimeout);
                await stopping.CancelAsync();
                await draining;
            }
        }

        await stopping.CancelAsync();
        if (outboxMarks is not null)
        {
            await outboxMarks.DisposeAsync();
        }

        if (purgeLoop is not null)
        {
            await purgeLoop;
        }

        if (monitoring is not null)
        {
            await monitoring.DisposeAsync();
        }

        await transport.DisposeAsync();
        stopping.Dispose();
        logger.LogInformation("Endpoint {Endpoint} stopped", EndpointName);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Stop();

    private async Task Run(
        HandlerRegistry handlers, MessageTypeRegistry registry, MessageSerializer serializer, EndpointPersistence? persistence,
        IServiceProvider services, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var name = configuration.EndpointName;
        var storage = persistence?.Storage ?? new NoStorage();
        var outbox = configuration.OutboxEnabled ? persistence!.Outbox : null;
        await storage.Setup(new PersistenceSetup(name, handlers.Sagas.Select(s => s.Storage).ToList(), outbox is not null), cancellationToken);
        if (configuration.SendOnly)
        {
            return;
        }

        var subscriptions = (configuration.AutoSubscribe ? handlers.HandledEventTypes : Enumerable.Empty<Type>()).Except(configuration.InlineEventTypes).Select(MessageTypeRegistry.ContractName).ToList();
        var inline = configuration.InlineEventTypes.Select(MessageTypeRegistry.ContractName).ToList();
        await transport.Setup(new TransportSetup(name, configuration.ErrorQueue, subscriptions, [.. configuration.AdditionalQueues], inline), cancellationToken);

        outboxMarks = outbox is null ? null : new OutboxDispatchMarks(outbox);
        sessions = outbox is null ? null
            : new TransactionalSession.TransactionalSessions(configuration, storage, outbox, outboxMarks!, transport, factory, time, loggerFactory.CreateLogger<TransactionalSession.TransactionalSessions>());
        var sagaInvoker = persistence is null ? null
            : new SagaInvoker(persistence.Sagas, serializer, new EndpointSagaRuntime(factory, name, time), name, time, loggerFactory.CreateLogger<SagaInvoker>());
        monitoring = new Monitoring.EndpointMonitoring(configuration, transport, handlers.Sagas, services, time, loggerFactory);
        var pipeline = new IncomingPipeline([
            new TracingStep(name),
            new Notifications.NotificationStep(configuration.Notifications, name, logger),
            new MetricsStep(name, time),
            new LogScopeStep(logger),
            new Monitoring.MetricsStep(monitoring.Metrics, time),
            new RetryAcknowledgementStep(transport, name, configuration.HostName, time),
            new Monitoring.SagaAuditStep(monitoring.Audit),
            .. sessions is null ? [] : new IIncomingStep[] { new TransactionalSession.CommitControlStep(sessions, storage) },
            // Deserialized and checked against its contract before the unit of work opens: the saga loads it will make are known when it opens
            // (see UnitOfWorkStep), and a body that breaks its contract never holds a connection.
            new UpcastStep(configuration.Versioning, registry),
            new DeserializeStep(registry, serializer),
            new ValidateContractStep(new Contracts.ContractValidator(configuration.SerializerOptions)),
            new UnitOfWorkStep(storage, outbox, outboxMarks, transport, ReadAhead(sagaInvoker, handlers), loggerFactory.CreateLogger<UnitOfWorkStep>()),
            new Monitoring.CancelSagaTimeoutStep(handlers.Sagas, persistence?.Sagas, name, time, loggerFactory.CreateLogger<Monitoring.CancelSagaTimeoutStep>()),
            new OrderIdLogScopeStep(logger),
            new InvokeHandlersStep(handlers, sagaInvoker, factory, name, time),
        ]);
        var recoverability = new RecoverabilityExecutor(
            configuration.Recoverability.ToConfig(configuration.ErrorQueue),
            configuration.Recoverability.CustomPolicy ?? DefaultRecoverabilityPolicy.Invoke,
            transport, name, configuration.HostName, time, loggerFactory.CreateLogger<RecoverabilityExecutor>(), configuration.Notifications);
        var processor = new MessageProcessor(pipeline, recoverability, services.GetRequiredService<IServiceScopeFactory>(), throttle, stopping.Token);
        receiver = await transport.Receive(new ReceiveSettings(name, configuration.MaxConcurrency, configuration.ErrorQueue), processor.OnMessage, cancellationToken);
        monitoring.Start();
        if (outbox is not null)
        {
            purgeLoop = PurgeOutbox(outbox);
        }

        logger.LogInformation("Endpoint {Endpoint} started: {Handlers} handlers, {Sagas} sagas, concurrency {Concurrency}, outbox {Outbox}", name, configuration.HandlerTypes.Count, handlers.Sagas.Count, configuration.MaxConcurrency, outbox is not null);
    }

    private static Action<IncomingContext, Persistence.IUnitOfWork>? ReadAhead(SagaInvoker? sagas, HandlerRegistry handlers) => sagas is null || handlers.Sagas.Count == 0
        ? null
        : (context, session) =>
        {
            if (context.Body is { } body)
            {
                sagas.ReadAhead(handlers.For(body.GetType(), context.IsTimeout), context, session);
            }
        };

    private static void ValidateInlineEvents(EndpointConfiguration configuration, HandlerRegistry handlers)
    {
        foreach (var eventType in configuration.InlineEventTypes)
        {
            var registrations = handlers.For(eventType, isTimeout: false);
            if (registrations.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName} handles {eventType.Name} inline but has no handler for it. Add a handler, or remove HandleInline<{eventType.Name}>().");
            }

            if (registrations.FirstOrDefault(r => r.Saga is not null) is { } saga)
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName} handles {eventType.Name} inline, but saga {saga.HandlerType.Name} handles it too. Inline events run plain handlers only; " +
                    $"let the saga receive {eventType.Name} through the broker (remove HandleInline<{eventType.Name}>()) or move that logic into the publishing handler.");
            }

            if (handlers.HandledEventTypes.FirstOrDefault(t => t != eventType && t.IsAssignableFrom(eventType)) is { } baseType)
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName} handles {eventType.Name} inline but subscribes to its base type {baseType.Name}, which would deliver every {eventType.Name} " +
                    "through the broker a second time. Handle the base type in another endpoint, or do not handle the event inline.");
            }
        }
    }

    private async Task PurgeOutbox(IOutboxStorage outbox)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var purged = await outbox.Purge(time.GetUtcNow() - configuration.OutboxRetention, stopping.Token);
                logger.LogDebug("Endpoint {Endpoint}: purged {Count} dispatched outbox records", EndpointName, purged);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed purge is retried next hour; it must not stop the endpoint
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Endpoint {Endpoint}: outbox purge failed; retrying in an hour", EndpointName);
            }
        }
        while (await WaitNext(timer));
    }

    private async Task<bool> WaitNext(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
