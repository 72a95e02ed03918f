using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Extensibility;
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
    private IReadOnlyList<IHostedService> backgroundWork = [];
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
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("OrderEats.Engine.Endpoint." + configuration.EndpointName);

        var handlers = new HandlerRegistry(configuration.HandlerTypes);
        var registry = new MessageTypeRegistry();
        foreach (var type in configuration.MessageTypes.Concat(handlers.MessageTypes))
        {
            registry.Register(type);
        }

        var transportFactory = EndpointValidation.Transport(configuration);
        var persistence = configuration.PersistenceFactory?.Invoke(services);
        EndpointValidation.Validate(configuration, handlers, persistence);
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

        foreach (var work in backgroundWork.Reverse())
        {
            await work.StopAsync(CancellationToken.None);
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
            : new SagaInvoker(persistence.Sagas, serializer, new EndpointSagaRuntime(factory, name, time), time, loggerFactory.CreateLogger<SagaInvoker>());
        var extensions = new EndpointExtensionContext
        {
            Configuration = configuration,
            Transport = transport,
            Sagas = [.. handlers.Sagas.Select(s => new HostedSaga(s.SagaType, s.DataType, s.Storage))],
            SagaPersister = persistence?.Sagas,
            Services = services,
            Time = time,
            LoggerFactory = loggerFactory,
        };
        foreach (var extension in configuration.Extensions)
        {
            extension.Attach(extensions);
        }

        var pipeline = new EndpointPipeline(
            configuration, handlers, registry, serializer, factory, transport, storage, outbox, outboxMarks, sessions, sagaInvoker, extensions, time, logger, loggerFactory).Build();
        var recoverability = new RecoverabilityExecutor(
            configuration.Recoverability.ToConfig(configuration.ErrorQueue),
            configuration.Recoverability.CustomPolicy ?? DefaultRecoverabilityPolicy.Invoke,
            transport, name, configuration.HostName, time, loggerFactory.CreateLogger<RecoverabilityExecutor>(), configuration.Notifications);
        var processor = new MessageProcessor(pipeline, recoverability, services.GetRequiredService<IServiceScopeFactory>(), throttle, stopping.Token);
        receiver = await transport.Receive(new ReceiveSettings(name, configuration.MaxConcurrency, configuration.ErrorQueue), processor.OnMessage, cancellationToken);
        backgroundWork = extensions.BackgroundWork;
        foreach (var work in backgroundWork)
        {
            await work.StartAsync(cancellationToken);
        }

        if (outbox is not null)
        {
            purgeLoop = new OutboxPurgeLoop(outbox, name, configuration.OutboxRetention, time, logger).Run(stopping.Token);
        }

        logger.LogInformation("Endpoint {Endpoint} started: {Handlers} handlers, {Sagas} sagas, concurrency {Concurrency}, outbox {Outbox}", name, configuration.HandlerTypes.Count, handlers.Sagas.Count, configuration.MaxConcurrency, outbox is not null);
    }
}
