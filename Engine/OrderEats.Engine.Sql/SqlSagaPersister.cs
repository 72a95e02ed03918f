using System.Data.Common;
using System.Text.Json;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sql.Dialects;

namespace OrderEats.Engine.Sql;

internal sealed class SqlSagaPersister(SqlDialect dialect) : ISagaPersister
{
    public async Task<SagaRecord?> Get(SagaStorageDefinition saga, Guid sagaId, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        await using var command = Session(session).CreateCommand(dialect.SelectSagaById(saga)).With("@id", dialect.GuidValue(sagaId));
        return await ReadOne(saga, command, cancellationToken);
    }

    public async Task<SagaRecord?> Find(SagaStorageDefinition saga, object correlationValue, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(correlationValue);
        await using var command = Session(session).CreateCommand(dialect.SelectSagaByCorrelation(saga))
            .With("@correlation", dialect.CorrelationValue(saga, correlationValue));
        return await ReadOne(saga, command, cancellationToken);
    }

    public async Task Insert(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(record);
        await using var command = Session(session).CreateCommand(dialect.InsertSaga(saga))
            .With("@id", dialect.GuidValue(record.Id))
            .With("@correlation", dialect.CorrelationValue(saga, record.CorrelationValue))
            .With("@data", record.Data)
            .With("@originator", record.Originator)
            .With("@original_message_id", record.OriginalMessageId)
            .With("@timeouts", SerializeTimeouts(record.PendingTimeouts))
            .With("@now", dialect.TimeValue(DateTimeOffset.UtcNow));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (dialect.IsUniqueViolation(e))
        {
            throw new SagaConcurrencyException(
                $"Saga {saga.SagaType} {record.Id} with {saga.CorrelationProperty} '{record.CorrelationValue}' was not created: another message created an " +
                "instance with the same id or correlation value first. The message is retried and will find that instance.",
                e);
        }
    }

    public async Task Update(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(record);
        await using var command = Session(session).CreateCommand(dialect.UpdateSaga(saga))
            .With("@data", record.Data)
            .With("@timeouts", SerializeTimeouts(record.PendingTimeouts))
            .With("@now", dialect.TimeValue(DateTimeOffset.UtcNow))
            .With("@id", dialect.GuidValue(record.Id))
            .With("@version", record.Version);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw Conflict(saga, record, "updated");
        }
    }

    public async Task Delete(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(record);
        await using var command = Session(session).CreateCommand(dialect.DeleteSaga(saga))
            .With("@id", dialect.GuidValue(record.Id))
            .With("@version", record.Version);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw Conflict(saga, record, "deleted");
        }
    }

    private static SqlUnitOfWork Session(IUnitOfWork session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session as SqlUnitOfWork ?? throw new ArgumentException(
            $"The SQL saga persister needs a session opened by the same SQL persistence, not a {session.GetType().Name}. Configure one persistence per endpoint.",
            nameof(session));
    }

    private static SagaConcurrencyException Conflict(SagaStorageDefinition saga, SagaRecord record, string what) =>
        new($"Saga {saga.SagaType} {record.Id} was not {what}: it is no longer at version {record.Version} (another message changed or deleted it first). " +
            "The message is retried and will see the current state.");

    private static string SerializeTimeouts(IReadOnlyList<PendingTimeout>? timeouts) => JsonSerializer.Serialize(timeouts ?? []);

    private static async Task<SagaRecord?> ReadOne(SagaStorageDefinition saga, DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // Column order follows SqlDialect.SagaColumns.
        var timeouts = reader.IsDBNull(6) ? null : JsonSerializer.Deserialize<List<PendingTimeout>>(reader.GetString(6));
        return new SagaRecord(
            SqlValues.ReadGuid(reader.GetValue(0)),
            SqlValues.ReadCorrelation(saga, reader.GetValue(1)),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
            timeouts ?? []);
    }
}
