using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderEats.Console.Alerts;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Monitoring;

/// <summary>Handles what endpoints report: saga audit batches (stored per instance) and heartbeats (liveness, metrics, saga graphs).</summary>
internal sealed class MonitoringIngestion(
    SagaStore sagas,
    EndpointRegistry registry,
    ConsoleDatabase database,
    ConsoleChanges changes,
    AlertQueue alerts,
    TimeProvider time,
    ILogger<MonitoringIngestion> logger)
{
    public const string SagaAudit = "SagaAudit";
    public const string Heartbeat = "Heartbeat";

    public async Task<ReceiveResult> Audit(IncomingMessage message, CancellationToken cancellationToken)
    {
        List<AuditRecord>? records;
        try
        {
            records = JsonSerializer.Deserialize<List<AuditRecord>>(message.Body.Span, SagaStore.Json);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Saga audit message {MessageId} from {Endpoint} is not a JSON array of audit records; dropped",
                message.MessageId, message.Headers.GetValueOrDefault(Headers.OriginatingEndpoint));
            return ReceiveResult.Ack;
        }

        try
        {
            var touched = await sagas.Ingest(records ?? [], cancellationToken);
            foreach (var sagaId in touched.Distinct())
            {
                changes.Raise(new ConsoleChange("SagaAudited", null, message.MessageId, null, Detail: sagaId.ToString()));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not store saga audit batch {MessageId} ({Count} records); it stays in the queue and is tried again", message.MessageId, records?.Count);
            return ReceiveResult.Requeue;
        }

        return ReceiveResult.Ack;
    }

    public async Task<ReceiveResult> OnHeartbeat(IncomingMessage message, CancellationToken cancellationToken)
    {
        HeartbeatReport? heartbeat;
        try
        {
            heartbeat = JsonSerializer.Deserialize<HeartbeatReport>(message.Body.Span, SagaStore.Json);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Heartbeat {MessageId} is not valid JSON; dropped", message.MessageId);
            return ReceiveResult.Ack;
        }

        if (heartbeat is null)
        {
            return ReceiveResult.Ack;
        }

        var now = time.GetUtcNow();
        try
        {
            foreach (var graph in heartbeat.Sagas ?? [])
            {
                await sagas.SaveGraph(graph, now, cancellationToken);
            }

            await Record(registry.Heartbeat(heartbeat, now), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record heartbeat {MessageId} of {Endpoint}; it is tried again", message.MessageId, heartbeat.Endpoint);
            return ReceiveResult.Requeue;
        }

        changes.Raise(new ConsoleChange(Heartbeat, null, message.MessageId, null, Detail: heartbeat.InstanceId));
        return ReceiveResult.Ack;
    }

    /// <summary>Writes liveness changes to the event log, alerts on a lost heartbeat, and raises them as console changes.</summary>
    public async Task Record(IReadOnlyList<LivenessChange> liveness, CancellationToken cancellationToken = default)
    {
        if (liveness.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using (var connection = await database.Open(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            foreach (var change in liveness)
            {
                var text = change.Kind switch
                {
                    LivenessChange.Lost => $"Endpoint {change.Endpoint} on {change.Host} (instance {change.InstanceId}) sent no heartbeat since {Web.Format.Time(change.LastSeen)}: dead",
                    LivenessChange.Restored => $"Endpoint {change.Endpoint} on {change.Host} (instance {change.InstanceId}) is sending heartbeats again: alive",
                    LivenessChange.Replaced => $"Endpoint {change.Endpoint} on {change.Host} restarted: instance {change.InstanceId} was replaced by a new process on the same host",
                    _ => $"Endpoint {change.Endpoint} on {change.Host} (instance {change.InstanceId}) started sending heartbeats",
                };
                await EventLog.Append(connection, transaction, now, change.Kind, null, null, text, null, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var change in liveness)
        {
            logger.Log(change.Kind == LivenessChange.Lost ? LogLevel.Warning : LogLevel.Information, "{Kind}: endpoint {Endpoint} on {Host}, instance {InstanceId}", change.Kind, change.Endpoint, change.Host, change.InstanceId);
            if (change.Kind == LivenessChange.Lost)
            {
                alerts.HeartbeatLost(change.Endpoint, change.Host, change.InstanceId, change.LastSeen);
            }

            changes.Raise(new ConsoleChange(change.Kind, null, null, null, Detail: change.Endpoint + "@" + change.Host));
        }
    }
}
