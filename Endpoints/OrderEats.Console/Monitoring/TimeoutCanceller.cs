using System.Globalization;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Monitoring;

/// <summary>
/// Asks a saga's endpoint to cancel one of its pending timeouts: a CancelSagaTimeout control message (headers SagaType, SagaId, TimeoutId) to the
/// endpoint's queue, logged in the event log. The endpoint removes the timeout in its own transaction; its next audit record shows it gone.
/// </summary>
internal sealed class TimeoutCanceller(SagaStore sagas, ConsoleTransport transport, ConsoleDatabase database, ConsoleChanges changes, TimeProvider time)
{
    public const string CancelSagaTimeout = "CancelSagaTimeout";
    public const string CancelledBy = Headers.Prefix + "CancelledBy";

    /// <summary>Null when the saga is unknown; false when the timeout is not pending; true when the request was sent.</summary>
    public async Task<bool?> Cancel(Guid sagaId, Guid timeoutId, string user, CancellationToken cancellationToken = default)
    {
        var detail = await sagas.Detail(sagaId, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var timeout = detail.PendingTimeouts.FirstOrDefault(t => t.TimeoutId == timeoutId);
        if (timeout is null || detail.Saga.Completed)
        {
            return false;
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
            [Headers.OriginatingEndpoint] = "console",
            [CancelledBy] = user,
        };
        await transport.Transport.Dispatch([TransportOperation.Send(new OutgoingMessage(id, headers, "{}"u8.ToArray()), detail.Saga.Endpoint)], cancellationToken);
        await using (var connection = await database.Open(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await EventLog.Append(connection, transaction, now, "TimeoutCancelRequested", null, null,
                $"Cancel of timeout {timeout.MessageType} ({timeoutId}) of saga {detail.Saga.SagaType} {sagaId} (correlation {detail.Saga.Correlation}) sent to {detail.Saga.Endpoint}",
                user, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        changes.Raise(new ConsoleChange("TimeoutCancelRequested", null, id, null, Detail: timeoutId.ToString()));
        return true;
    }
}
