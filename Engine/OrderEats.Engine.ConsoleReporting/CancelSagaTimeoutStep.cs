using Microsoft.Extensions.Logging;
using OrderEats.Engine.Extensibility;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// Handles the console's CancelSagaTimeout control message (headers SagaType, SagaId, TimeoutId): loads the saga in the unit of work, removes the
/// pending timeout and saves, so the timeout is dropped when it fires. Other messages pass on.
/// </summary>
internal sealed class CancelSagaTimeoutStep(IReadOnlyList<HostedSaga> sagas, ISagaPersister? persister, string endpoint, TimeProvider time, ILogger logger) : IIncomingMessageStep
{
    public async Task Invoke(IIncomingMessageContext context, Func<Task> next)
    {
        var headers = context.Message.Headers;
        if (headers.GetValueOrDefault(Headers.ControlMessage) != ControlMessages.CancelSagaTimeout)
        {
            await next();
            return;
        }

        var sagaType = headers.GetValueOrDefault(Headers.SagaType);
        var saga = sagas.FirstOrDefault(s => s.Name == sagaType);
        if (saga is null || persister is null ||
            !Guid.TryParse(headers.GetValueOrDefault(Headers.SagaId), out var sagaId) ||
            !Guid.TryParse(headers.GetValueOrDefault(Headers.TimeoutId), out var timeoutId))
        {
            logger.LogWarning(
                "Endpoint {Endpoint}: cancel-timeout request {MessageId} names saga type {SagaType}, saga {SagaId}, timeout {TimeoutId}; this endpoint hosts no such saga or the ids are not Guids. Dropped",
                endpoint, context.Message.MessageId, sagaType, headers.GetValueOrDefault(Headers.SagaId), headers.GetValueOrDefault(Headers.TimeoutId));
            return;
        }

        var session = context.Session!;
        var record = await persister.Get(saga.Storage, sagaId, session, context.CancellationToken);
        var timeout = record?.PendingTimeouts.FirstOrDefault(t => t.TimeoutId == timeoutId);
        if (record is null || timeout is null)
        {
            logger.LogInformation(
                "Endpoint {Endpoint}: timeout {TimeoutId} of saga {SagaType} {SagaId} is not pending (already fired, cancelled, or the saga completed); nothing to cancel",
                endpoint, timeoutId, saga.SagaType.Name, sagaId);
            return;
        }

        var pending = record.PendingTimeouts.Where(t => t.TimeoutId != timeoutId).ToList();
        await persister.Update(saga.Storage, record with { PendingTimeouts = pending }, session, context.CancellationToken);
        logger.LogInformation("Endpoint {Endpoint}: timeout {TimeoutId} ({MessageType}) of saga {SagaType} {SagaId} cancelled by an operator", endpoint, timeoutId, timeout.MessageType, saga.SagaType.Name, sagaId);
        context.AddSagaChange(new SagaChange(
            saga.Name, record, record.Data, record.Data, IsNew: false, Completed: false, [], pending, time.GetUtcNow(),
            Note: "Timeout " + timeout.MessageType + " cancelled by " + headers.GetValueOrDefault(ControlMessages.CancelledBy, "an operator")));
    }
}
