using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Sagas;

/// <summary>Loads (or starts) the saga instance a message belongs to, runs the handler, and saves, updates or deletes the state.</summary>
internal sealed class SagaInvoker(
    ISagaPersister persister,
    MessageSerializer serializer,
    OutgoingMessageFactory factory,
    string endpointQueue,
    TimeProvider time,
    IReadOnlyList<Type> notFoundHandlers,
    ILogger logger)
{
    public async Task Invoke(HandlerRegistration registration, IncomingContext context)
    {
        var saga = registration.Saga!;
        var session = context.Session!;
        var message = context.Body!;
        var cancellationToken = context.CancellationToken;
        using var span = EngineSpans.Saga(saga, message.GetType(), context.IsTimeout);
        var record = await Load(saga, context, message, session, cancellationToken);
        var isNew = false;
        if (record is null)
        {
            if (context.IsTimeout || !saga.IsStartedBy(message.GetType()))
            {
                await NotFound(saga, context, message);
                return;
            }

            isNew = true;
            record = New(saga, context, message);
        }

        span?.SetTag("ordereats.saga_id", record.Id).SetTag("ordereats.saga_new", isNew);
        var pending = record.PendingTimeouts.ToList();
        if (context.IsTimeout && !TakeTimeout(saga, context, record, pending))
        {
            return;
        }

        var instance = (Saga)ActivatorUtilities.CreateInstance(context.Services, saga.SagaType);
        var data = (IContainSagaData)serializer.DeserializeData(record.Data, saga.DataType);
        instance.Entity = data;
        // Compare against our own serialization of what was loaded: a store may rewrite the JSON text (PostgreSQL jsonb does).
        var loadedJson = isNew ? null : serializer.SerializeData(data);
        var requestedBefore = pending.Select(t => t.TimeoutId).ToHashSet();
        var handlerContext = new SagaHandlerContext(context, factory, endpointQueue, time, session, saga, record.Id, pending);
        var outgoingFrom = context.Outgoing.Count;
        await registration.Invoker.Invoke(instance, message, handlerContext);

        if (!Equals(saga.CorrelationProperty.GetValue(data), record.CorrelationValue))
        {
            throw new InvalidOperationException(
                $"Saga {saga.SagaType.Name} ({record.Id}) changed its correlation property {saga.CorrelationProperty.Name} from '{record.CorrelationValue}' to '{saga.CorrelationProperty.GetValue(data)}'. The correlation value is immutable; keep it as it was.");
        }

        var cancelled = instance.CancelledTimeoutTypes.Select(MessageTypeRegistry.ContractName).ToHashSet(StringComparer.Ordinal);
        // CancelTimeouts cancels what earlier messages requested; a timeout requested by this same message stays (cancel-then-request restarts it).
        pending.RemoveAll(t => cancelled.Contains(t.MessageType) && requestedBefore.Contains(t.TimeoutId));
        await Save(saga, record, loadedJson, instance, data, pending, isNew, session, cancellationToken);
        context.Audit?.Add(Monitoring.SagaAudit.Entry(context, saga, record, loadedJson, serializer.SerializeData(data), isNew, instance.Completed, outgoingFrom, pending, endpointQueue, time.GetUtcNow()));
    }

    /// <summary>Announces the loads <paramref name="registrations"/> will make for this message to a persister that reads ahead.</summary>
    public void ReadAhead(IReadOnlyList<HandlerRegistration> registrations, IncomingContext context, IUnitOfWork session)
    {
        if (persister is not ISagaReadAhead readAhead || context.Body is not { } message)
        {
            return;
        }

        foreach (var saga in registrations.Select(r => r.Saga).OfType<SagaMetadata>().Distinct())
        {
            SagaLookup? lookup;
            try
            {
                lookup = Lookup(saga, context, message);
            }
            catch (InvalidOperationException)
            {
                // A message without a usable correlation value fails where it always did, at the load, after the outbox lookup.
                continue;
            }

            if (lookup is not null)
            {
                readAhead.ReadAhead(lookup, session);
            }
        }
    }

    private async Task<SagaRecord?> Load(SagaMetadata saga, IncomingContext context, object message, IUnitOfWork session, CancellationToken cancellationToken) =>
        Lookup(saga, context, message) switch
        {
            { SagaId: { } sagaId } => await persister.Get(saga.Storage, sagaId, session, cancellationToken),
            { CorrelationValue: { } correlationValue } => await persister.Find(saga.Storage, correlationValue, session, cancellationToken),
            _ => null,
        };

    // The one place that decides how a message finds its instance, for the load and for the read-ahead alike.
    private static SagaLookup? Lookup(SagaMetadata saga, IncomingContext context, object message)
    {
        if (context.Headers.TryGetValue(Headers.SagaType, out var sagaType) && sagaType == saga.Name &&
            context.Headers.TryGetValue(Headers.SagaId, out var sagaIdText) && Guid.TryParse(sagaIdText, out var sagaId))
        {
            return new SagaLookup(saga.Storage, sagaId, null);
        }

        if (context.IsTimeout)
        {
            return null;
        }

        return new SagaLookup(saga.Storage, null, saga.ReadCorrelationValue(message));
    }

    private SagaRecord New(SagaMetadata saga, IncomingContext context, object message)
    {
        var correlationValue = saga.ReadCorrelationValue(message);
        var data = (IContainSagaData)Activator.CreateInstance(saga.DataType)!;
        data.Id = Guid.CreateVersion7();
        data.Originator = context.Headers.GetValueOrDefault(Headers.ReplyToAddress);
        data.OriginalMessageId = context.MessageId;
        saga.CorrelationProperty.SetValue(data, correlationValue);
        return new SagaRecord(data.Id, correlationValue, serializer.SerializeData(data), data.Originator, data.OriginalMessageId, 0, []);
    }

    private bool TakeTimeout(SagaMetadata saga, IncomingContext context, SagaRecord record, List<PendingTimeout> pending)
    {
        var timeoutId = Guid.TryParse(context.Headers.GetValueOrDefault(Headers.TimeoutId), out var id) ? id : Guid.Empty;
        if (pending.RemoveAll(t => t.TimeoutId == timeoutId) > 0)
        {
            return true;
        }

        logger.LogInformation(
            "Timeout {TimeoutId} ({MessageType}) for saga {SagaType} {SagaId} was cancelled; dropped",
            timeoutId, context.Body!.GetType().Name, saga.SagaType.Name, record.Id);
        return false;
    }

    private async Task NotFound(SagaMetadata saga, IncomingContext context, object message)
    {
        var correlation = context.IsTimeout
            ? context.Headers.GetValueOrDefault(Headers.SagaId)
            : context.Headers.ContainsKey(Headers.SagaId) ? context.Headers[Headers.SagaId] : saga.ReadCorrelationValue(message)?.ToString();
        logger.LogInformation(
            "No {SagaType} instance found for {MessageType} {MessageId} (correlation {CorrelationValue}); the handler is not invoked",
            saga.SagaType.Name, message.GetType().Name, context.MessageId, correlation);
        foreach (var handlerType in notFoundHandlers)
        {
            var handler = (IHandleSagaNotFound)ActivatorUtilities.CreateInstance(context.Services, handlerType);
            await handler.Handle(message, new MessageHandlerContext(context, factory, endpointQueue, time, context.Session!));
        }
    }

    private async Task Save(
        SagaMetadata saga, SagaRecord record, string? loadedJson, Saga instance, IContainSagaData data, List<PendingTimeout> pending, bool isNew, IUnitOfWork session, CancellationToken cancellationToken)
    {
        if (instance.Completed)
        {
            if (!isNew)
            {
                await persister.Delete(saga.Storage, record, session, cancellationToken);
            }

            return;
        }

        var updated = record with { Data = serializer.SerializeData(data), PendingTimeouts = pending };
        if (isNew)
        {
            await persister.Insert(saga.Storage, updated, session, cancellationToken);
        }
        else if (updated.Data != loadedJson || !updated.PendingTimeouts.SequenceEqual(record.PendingTimeouts))
        {
            await persister.Update(saga.Storage, updated, session, cancellationToken);
        }
    }
}
