using System.Data.Common;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Sql;

internal sealed class SqlOutboxStorage(SqlDatabase database, string endpointName, TimeProvider time) : IOutboxStorage
{
    // SQL Server allows 2,100 parameters per statement; SQLite 32,766.
    private const int MaxIdsPerStatement = 500;

    public async Task<OutboxRecord?> Get(string messageId, IUnitOfWork? session = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var statement = new SqlStatement(database.Dialect.SelectOutbox, [("@endpoint", endpointName), ("@message_id", messageId)]);
        if (session is not null)
        {
            // In the message's unit of work, with the saga loads announced ahead of it: one round trip.
            return (OutboxRecord?)await UnitOfWork(session).Read(null, statement, (reader, token) => ReadRecord(messageId, reader, token), cancellationToken);
        }

        await using var connection = await database.Open(cancellationToken);
        await using var command = Command(connection, statement.Sql);
        foreach (var (name, value) in statement.Parameters)
        {
            command.With(name, value);
        }

        await using var own = await command.ExecuteReaderAsync(cancellationToken);
        return (OutboxRecord?)await ReadRecord(messageId, own, cancellationToken);
    }

    public async Task Store(string messageId, IReadOnlyList<TransportOperation> operations, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(session);
        var statement = new SqlStatement(database.Dialect.InsertOutbox,
        [
            ("@endpoint", endpointName),
            ("@message_id", messageId),
            ("@operations", OutboxOperationsSerializer.Serialize(operations)),
            ("@now", database.Dialect.TimeValue(time.GetUtcNow())),
        ]);
        await UnitOfWork(session).Write(new DeferredWrite(statement, e =>
            database.Dialect.IsUniqueViolation(e) && database.Dialect.ConstraintName(e) is null or "pk_outbox"
                ? new InvalidOperationException(
                    $"Endpoint {endpointName} already has an outbox record for message {messageId}: another copy of the message was processed first. " +
                    "The message is retried and will dispatch the stored operations instead of running its handlers again.",
                    e)
                : null), cancellationToken);
    }

    private static async Task<object?> ReadRecord(string messageId, DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var operations = reader.IsDBNull(0) ? [] : OutboxOperationsSerializer.Deserialize(reader.GetString(0));
        var dispatched = Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return new OutboxRecord(messageId, operations, dispatched);
    }

    public async Task MarkDispatched(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var batch in messageIds.Chunk(MaxIdsPerStatement))
        {
            await database.Write(
                async connection =>
                {
                    await using var command = Command(connection, database.Dialect.MarkOutboxDispatched(batch.Length))
                        .With("@now", database.Dialect.TimeValue(time.GetUtcNow()))
                        .With("@endpoint", endpointName);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        command.With("@message_id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), batch[i]);
                    }

                    return await command.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
        }
    }

    public async Task<int> Purge(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        return await database.Write(
            async connection =>
            {
                await using var command = Command(connection, database.Dialect.PurgeOutbox)
                    .With("@endpoint", endpointName)
                    .With("@older_than", database.Dialect.TimeValue(olderThan));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    private static SqlUnitOfWork UnitOfWork(IUnitOfWork session) => session as SqlUnitOfWork ?? throw new ArgumentException(
        $"The SQL outbox needs a session opened by the same SQL persistence, not a {session.GetType().Name}. Configure one persistence per endpoint.",
        nameof(session));

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
