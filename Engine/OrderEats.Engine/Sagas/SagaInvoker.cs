using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Sagas;

/// <summary>
/// Loads (or starts) the saga instance a message belongs to, runs the saga's handler methods for it, and saves, updates or deletes the state.
/// The one implementation of the saga rules: endpoints and the testing library's <c>TestableSaga</c> both run sagas through it.
/// </summary>
internal sealed class SagaInvoker(ISagaPersister persister, MessageSerializer serializer, ISagaRuntime runtime, TimeProvider time, ILogger logger)
{
    public async Task<SagaInvocation> Invoke(SagaMetadata saga, IReadOnlyList<IHandlerInvoker> invokers, IncomingContext context)
    {
        var session = context.Session!;
        var message = context.Body!;
        var cancellationToken = context.CancellationToken;
        using var span = EngineSpans.Saga(saga, message.GetType(), context.IsTimeout);
        var targeted = TargetedSagaId(saga, context);
        var record = await Load(saga, targeted, context, message, session, cancellationToken);
        var isNew = false;
        if (record is null)
        {
            if (context.IsTimeout)
            {
                logger.LogInformation(
                    "Timeout {MessageType} {MessageId} for saga {SagaType} {SagaId} arrived after the saga completed; dropped",
                    message.GetType().Name, context.MessageId, saga.SagaType.Name, context.Headers.GetValueOrDefault(Headers.SagaId));
                return new SagaInvocation(SagaOutcome.TimeoutDropped, null);
            }

            // A message addressed to one instance (a reply) never starts another one when that instance is gone.
            if (targeted is not null || !saga.IsStartedBy(message.GetType()))
            {
                LogNotFound(saga, context, message, targeted);
                return new SagaInvocation(SagaOutcome.NotFound, null);
            }

            isNew = true;
            record = New(saga, context, message);
        }

        span?.SetTag("ordereats.saga_id", record.Id).SetTag("ordereats.saga_new", isNew);
        var pending = record.PendingTimeouts.ToList();
        if (context.IsTimeout && !TakeTimeout(saga, context, record, pending))
        {
            return new SagaInvocation(SagaOutcome.TimeoutDropped, null);
        }

        var instance = runtime.CreateSaga(saga, context);
        var data = (IContainSagaData)serializer.DeserializeData(record.Data, saga.DataType);
        instance.Entity = data;
        // Compare against our own serialization of what was loaded: a store may rewrite the JSON text (PostgreSQL jsonb does).
        var loadedJson = isNew ? null : serializer.SerializeData(data);
        var requestedBefore = pending.Select(t => t.TimeoutId).ToHashSet();
        var handlerContext = runtime.CreateContext(context, saga, record.Id, pending);
        var outgoingFrom = context.Outgoing.Count;
        foreach (var invoker in invokers)
        {
            await invoker.Invoke(instance, message, handlerContext);
            if (context.HandlerInvocationAborted)
            {
                break;
            }
        }

        if (!Equals(saga.CorrelationProperty.GetValue(data), record.CorrelationValue))
        {
            throw new InvalidOperationException(
                $"Saga {saga.SagaType.Name} ({record.Id}) changed its correlation property {saga.CorrelationProperty.Name} from '{record.CorrelationValue}' to '{saga.CorrelationProperty.GetValue(data)}'. The correlation value is immutable; keep it as it was.");
        }

        var cancelled = instance.CancelledTimeoutTypes.Select(MessageTypeRegistry.ContractName).ToHashSet(StringComparer.Ordinal);
        // CancelTimeouts cancels what earlier messages requested; a timeout requested by this same message stays (cancel-then-request restarts it).
        pending.RemoveAll(t => cancelled.Contains(t.MessageType) && requestedBefore.Contains(t.TimeoutId));
        await Save(saga, record, loadedJson, instance, data, pending, isNew, session, cancellationToken);
        context.SagaChanges?.Add(new Extensibility.SagaChange(
            saga.Name, record, loadedJson, serializer.SerializeData(data), isNew, instance.Completed, context.Outgoing[outgoingFrom..], pending, time.GetUtcNow()));
        return new SagaInvocation(isNew ? SagaOutcome.Started : SagaOutcome.Found, instance);
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
                lookup = Lookup(saga, TargetedSagaId(saga, context), context, message);
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

    /// <summary>The instance id a reply or timeout is addressed to, when it is addressed to this saga type.</summary>
    private static Guid? TargetedSagaId(SagaMetadata saga, IncomingContext context) =>
        context.Headers.TryGetValue(Headers.SagaType, out var sagaType) && sagaType == saga.Name &&
        context.Headers.TryGetValue(Headers.SagaId, out var sagaIdText) && Guid.TryParse(sagaIdText, out var sagaId)
            ? sagaId
            : null;

    private async Task<SagaRecord?> Load(SagaMetadata saga, Guid? targeted, IncomingContext context, object message, IUnitOfWork session, CancellationToken cancellationToken)
    {
        if (targeted is null && !context.IsTimeout && saga.FinderFor(message.GetType()) is { } finder)
        {
            return await Find(saga, finder, context, message, session, cancellationToken);
        }

        return Lookup(saga, targeted, context, message) switch
        {
            { SagaId: { } sagaId } => await persister.Get(saga.Storage, sagaId, session, cancellationToken),
            { CorrelationValue: { } correlationValue } => await persister.Find(saga.Storage, correlationValue, session, cancellationToken),
            _ => null,
        };
    }

    // The one place that decides how a message finds its instance by id or correlation value, for the load and for the read-ahead alike;
    // null when it finds none that way (a timeout whose saga is gone, a message a custom finder looks up).
    private static SagaLookup? Lookup(SagaMetadata saga, Guid? targeted, IncomingContext context, object message)
    {
        if (targeted is { } sagaId)
        {
            return new SagaLookup(saga.Storage, sagaId, null);
        }

        if (context.IsTimeout || saga.FinderFor(message.GetType()) is not null)
        {
            return null;
        }

        return new SagaLookup(saga.Storage, null, saga.ReadCorrelationValue(message));
    }

    private async Task<SagaRecord?> Find(SagaMetadata saga, SagaFinder finder, IncomingContext context, object message, IUnitOfWork session, CancellationToken cancellationToken)
    {
        var finderContext = finder.CreateContext(persister, saga.Storage, session, context.Headers, serializer);
        var instance = ActivatorUtilities.CreateInstance(context.Services, finder.FinderType);
        var found = await finder.Find(instance, message, finderContext, cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Load again by id unless the finder loaded it through its context: the row is then read (and locked) in this unit of work.
        return finderContext.Loaded(found.Id) ?? await persister.Get(saga.Storage, found.Id, session, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Finder {finder.FinderType.Name} of saga {saga.SagaType.Name} returned saga data with id {found.Id} for message {message.GetType().Name} {context.MessageId}, but no such instance is stored. " +
                "Return an instance loaded through the finder context (GetById, GetByCorrelationValue), or null when there is none.");
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

    private void LogNotFound(SagaMetadata saga, IncomingContext context, object message, Guid? targeted)
    {
        var correlation = targeted?.ToString()
            ?? (saga.FinderFor(message.GetType()) is { } finder ? $"finder {finder.FinderType.Name}" : saga.ReadCorrelationValue(message).ToString());
        logger.LogInformation(
            "No {SagaType} instance found for {MessageType} {MessageId} (correlation {CorrelationValue}); the handler is not invoked",
            saga.SagaType.Name, message.GetType().Name, context.MessageId, correlation);
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
