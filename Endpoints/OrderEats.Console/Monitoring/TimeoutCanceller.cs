using System.Globalization;
using Microsoft.Extensions.Logging;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine;
using OrderEats.Engine.Transport;
using OrderEats.Messages;

namespace OrderEats.Console.Monitoring;

/// <summary>
/// Asks a saga's endpoint to cancel one of its pending timeouts: a CancelSagaTimeout control message (headers SagaType, SagaId, TimeoutId) to the
/// endpoint's queue, logged in the event log. The endpoint removes the timeout in its own transaction; its next audit record shows it gone.
/// </summary>
internal sealed class TimeoutCanceller(
    SagaStore sagas, ConsoleTransport transport, ConsoleDatabase database, ConsoleChanges changes, TimeProvider time, ILogger<TimeoutCanceller> logger)
{
    public const string CancelSagaTimeout = "CancelSagaTimeout";
    public const string CancelledBy = Headers.Prefix + "CancelledBy";

    /// <summary>Sends the cancel request; <see cref="TimeoutCancelOutcome.Unreachable"/> comes with the transport's reason.</summary>
    public async Task<(TimeoutCancelOutcome Outcome, string? Reason)> Cancel(Guid sagaId, Guid timeoutId, string user, CancellationToken cancellationToken = default)
    {
        var detail = await sagas.Detail(sagaId, cancellationToken);
        if (detail is null)
        {
            return (TimeoutCancelOutcome.UnknownSaga, null);
        }

        var timeout = detail.PendingTimeouts.FirstOrDefault(t => t.TimeoutId == timeoutId);
        if (timeout is null || detail.Saga.Completed)
        {
            return (TimeoutCancelOutcome.NotPending, null);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7().ToString();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Headers.MessageId] = id,
            [Headers.ControlMessage] = CancelSagaTimeout,
            [Headers.SagaType] = detail.Saga.SagaType,
            [Headers.SagaId] = sagaId.ToString(),
            [Headers.TimeoutId] = timeoutId.ToString(),
            [Headers.TimeSent] = now.ToString("O", CultureInfo.InvariantCulture),
            [Headers.OriginatingEndpoint] = EndpointNames.Console,
            [CancelledBy] = user,
        };
        try
        {
            await transport.Transport.Dispatch([TransportOperation.Send(new OutgoingMessage(id, headers, "{}"u8.ToArray()), detail.Saga.Endpoint)], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The cancel of timeout {TimeoutId} of saga {SagaId} could not be sent to queue {Queue}", timeoutId, sagaId, detail.Saga.Endpoint);
            return (TimeoutCancelOutcome.Unreachable,
                $"The cancel request could not be sent to queue '{detail.Saga.Endpoint}', the queue of the endpoint that hosts saga {sagaId}: {e.Message} " +
                "Start that endpoint (it creates its queue) and try again; the timeout is still pending.");
        }
        await using (var connection = await database.Open(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await EventLog.Append(connection, transaction, now, "TimeoutCancelRequested", null, null,
                $"Cancel of timeout {timeout.MessageType} ({timeoutId}) of saga {detail.Saga.SagaType} {sagaId} (correlation {detail.Saga.Correlation}) sent to {detail.Saga.Endpoint}",
                user, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        changes.Raise(new ConsoleChange("TimeoutCancelRequested", null, id, null, Detail: timeoutId.ToString()));
        return (TimeoutCancelOutcome.Sent, null);
    }
}
