using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Sagas;

namespace OrderEats.Engine.Monitoring;

/// <summary>
/// Handles the console's CancelSagaTimeout control message (headers SagaType, SagaId, TimeoutId): loads the saga in the unit of work, removes the
/// pending timeout and saves, so the timeout is dropped when it fires. Other messages pass on.
/// </summary>
internal sealed class CancelSagaTimeoutStep(IReadOnlyList<SagaMetadata> sagas, ISagaPersister? persister, string endpoint, TimeProvider time, ILogger logger) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (context.Headers.GetValueOrDefault(Headers.ControlMessage) != ControlMessages.CancelSagaTimeout)
        {
            await next();
            return;
        }

        var sagaType = context.Headers.GetValueOrDefault(Headers.SagaType);
        var saga = sagas.FirstOrDefault(s => s.Name == sagaType);
        if (saga is null || persister is null ||
            !Guid.TryParse(context.Headers.GetValueOrDefault(Headers.SagaId), out var sagaId) ||
            !Guid.TryParse(context.Headers.GetValueOrDefault(Headers.TimeoutId), out var timeoutId))
        {
            logger.LogWarning(
                "Endpoint {Endpoint}: cancel-timeout request {MessageId} names saga type {SagaType}, saga {SagaId}, timeout {TimeoutId}; this endpoint hosts no such saga or the ids are not Guids. Dropped",
                endpoint, context.MessageId, sagaType, context.Headers.GetValueOrDefault(Headers.SagaId), context.Headers.GetValueOrDefault(Headers.TimeoutId));
            return;
        }

        var record = await persister.Get(saga.Storage, sagaId, context.Session!, context.CancellationToken);
        var timeout = record?.PendingTimeouts.FirstOrDefault(t => t.TimeoutId == timeoutId);
        if (record is null || timeout is null)
        {
            logger.LogInformation(
                "Endpoint {Endpoint}: timeout {TimeoutId} of saga {SagaType} {SagaId} is not pending (already fired, cancelled, or the saga completed); nothing to cancel",
                endpoint, timeoutId, saga.SagaType.Name, sagaId);
            return;
        }

        var pending = record.PendingTimeouts.Where(t => t.TimeoutId != timeoutId).ToList();
        await persister.Update(saga.Storage, record with { PendingTimeouts = pending }, context.Session!, context.CancellationToken);
        logger.LogInformation("Endpoint {Endpoint}: timeout {TimeoutId} ({MessageType}) of saga {SagaType} {SagaId} cancelled by an operator", endpoint, timeoutId, timeout.MessageType, saga.SagaType.Name, sagaId);
        context.Audit?.Add(new SagaAuditEntry(
            saga.Name, record.Id, Convert.ToString(record.CorrelationValue, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, endpoint, time.GetUtcNow(),
            SagaAudit.Incoming(context.Message) with { MessageType = ControlMessages.CancelSagaTimeout },
            IsNew: false, Completed: false, record.Data, record.Data, [], [], [timeout], pending, FiredTimeoutId: null,
            Note: "Timeout " + timeout.MessageType + " cancelled by " + context.Headers.GetValueOrDefault(ControlMessages.CancelledBy, "an operator")));
    }
}
