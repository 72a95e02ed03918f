using Microsoft.Extensions.Logging;
using OrderEats.Engine.Extensibility;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Hosting;

/// <summary>The parts an endpoint's incoming pipeline is built from, and the order of its steps.</summary>
internal sealed record EndpointPipeline(
    EndpointConfiguration Configuration,
    HandlerRegistry Handlers,
    MessageTypeRegistry Registry,
    MessageSerializer Serializer,
    OutgoingMessageFactory Factory,
    ITransport Transport,
    IStorage Storage,
    IOutboxStorage? Outbox,
    OutboxDispatchMarks? OutboxMarks,
    TransactionalSession.TransactionalSessions? Sessions,
    SagaInvoker? SagaInvoker,
    EndpointExtensionContext Extensions,
    TimeProvider Time,
    ILogger Logger,
    ILoggerFactory LoggerFactory)
{
    public IncomingPipeline Build()
    {
        var name = Configuration.EndpointName;
        return new IncomingPipeline([
            new TracingStep(name),
            new Notifications.NotificationStep(Configuration.Notifications, name, Logger),
            new MetricsStep(name, Time),
            new LogScopeStep(Logger),
            .. Extensions.AroundMessageSteps.Select(step => new ExtensionStep(step)),
            .. Sessions is null ? [] : new IIncomingStep[] { new TransactionalSession.CommitControlStep(Sessions, Storage) },
            // Deserialized and checked against its contract before the unit of work opens: the saga loads it will make are known when it opens
            // (see UnitOfWorkStep), and a body that breaks its contract never holds a connection.
            new UpcastStep(Configuration.Versioning, Registry),
            new DeserializeStep(Registry, Serializer),
            new ValidateContractStep(new Contracts.ContractValidator(Configuration.SerializerOptions)),
            new UnitOfWorkStep(Storage, Outbox, OutboxMarks, Transport, ReadAhead(SagaInvoker, Handlers), LoggerFactory.CreateLogger<UnitOfWorkStep>()),
            .. Extensions.InUnitOfWorkSteps.Select(step => new ExtensionStep(step)),
            .. Configuration.Logging.ScopeProperties.Count == 0 ? [] : new IIncomingStep[] { new PropertyLogScopeStep(Configuration.Logging.ScopeProperties, Logger) },
            new InvokeHandlersStep(Handlers, SagaInvoker, Factory, name, Time),
        ]);
    }

    private static Action<IncomingContext, IUnitOfWork>? ReadAhead(SagaInvoker? sagas, HandlerRegistry handlers) => sagas is null || handlers.Sagas.Count == 0
        ? null
        : (context, session) =>
        {
            if (context.Body is { } body)
            {
                sagas.ReadAhead(handlers.For(body.GetType(), context.IsTimeout), context, session);
            }
        };
}
