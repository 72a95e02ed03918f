using System.Data.Common;
using System.Text.Json;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sql.Dialects;

namespace OrderEats.Engine.Sql;

internal sealed class SqlSagaPersister(SqlDialect dialect, TimeProvider time) : ISagaPersister, ISagaReadAhead
{
    public async Task<SagaRecord?> Get(SagaStorageDefinition saga, Guid sagaId, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var lookup = new SagaLookup(saga, sagaId, null);
        return (SagaRecord?)await Session(session).Read(Key(lookup), Select(lookup), (reader, token) => ReadOne(saga, reader, token), cancellationToken);
    }

    public async Task<SagaRecord?> Find(SagaStorageDefinition saga, object correlationValue, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(correlationValue);
        var lookup = new SagaLookup(saga, null, correlationValue);
        return (SagaRecord?)await Session(session).Read(Key(lookup), Select(lookup), (reader, token) => ReadOne(saga, reader, token), cancellationToken);
    }

    public void ReadAhead(SagaLookup lookup, IUnitOfWork session)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var saga = lookup.Saga;
        Session(session).Announce(new PendingRead(Key(lookup), Select(lookup), (reader, token) => ReadOne(saga, reader, token)));
    }

    public async Task Insert(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(record);
        var statement = new SqlStatement(dialect.InsertSaga(saga),
        [
            ("@id", dialect.GuidValue(record.Id)),
            ("@correlation", dialect.CorrelationValue(saga, record.CorrelationValue)),
            ("@data", record.Data),
            ("@originator", record.Originator),
            ("@original_message_id", record.OriginalMessageId),
            ("@timeouts", SerializeTimeouts(record.PendingTimeouts)),
            ("@now", dialect.TimeValue(time.GetUtcNow())),
        ]);
        await Session(session).Write(new DeferredWrite(statement, e => dialect.IsUniqueViolation(e) && IsOfSagaTable(saga, e)
            ? new SagaConcurrencyException(
                $"Saga {saga.SagaType} {record.Id} with {saga.CorrelationProperty} '{record.CorrelationValue}' was not created: another message created an " +
                "instance with the same id or correlation value first. The message is retried and will find that instance.",
                e)
            : null), cancellationToken);
    }

    public Task Update(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(record);
        return Checked(saga, record, "updated", Session(session), batched => batched ? dialect.UpdateSagaChecked(saga) : dialect.UpdateSaga(saga),
        [
            ("@data", record.Data),
            ("@timeouts", SerializeTimeouts(record.PendingTimeouts)),
            ("@now", dialect.TimeValue(time.GetUtcNow())),
            ("@id", dialect.GuidValue(record.Id)),
            ("@version", record.Version),
        ], cancellationToken);
    }

    public Task Delete(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(record);
        return Checked(saga, record, "deleted", Session(session), batched => batched ? dialect.DeleteSagaChecked(saga) : dialect.DeleteSaga(saga),
        [
            ("@id", dialect.GuidValue(record.Id)),
            ("@version", record.Version),
        ], cancellationToken);
    }

    // An update or delete that must change exactly the version it read. Run on its own it reports the rows it changed; held back for the commit
    // (PostgreSQL) it fails itself in SQL when it changed none, so the COMMIT behind it is never executed.
    private Task Checked(
        SagaStorageDefinition saga, SagaRecord record, string what, SqlUnitOfWork session, Func<bool, string?> sql,
        List<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        var conflict = Conflict(saga, record, what);
        var batchedSql = session.Batches ? sql(true) : null;
        if (batchedSql is not null)
        {
            parameters.Add(("@conflict", SqlDialect.ConflictMarker + " " + conflict.Message));
            return session.Write(new DeferredWrite(new SqlStatement(batchedSql, parameters), e => dialect.IsCheckedWriteConflict(e) ? conflict : null), cancellationToken);
        }

        return session.Write(new DeferredWrite(new SqlStatement(sql(false)!, parameters), _ => null, rows => rows == 0 ? conflict : null), cancellationToken);
    }

    private SqlStatement Select(SagaLookup lookup) => lookup.SagaId is { } id
        ? new SqlStatement(dialect.SelectSagaById(lookup.Saga), [("@id", dialect.GuidValue(id))])
        : new SqlStatement(dialect.SelectSagaByCorrelation(lookup.Saga), [("@correlation", dialect.CorrelationValue(lookup.Saga, lookup.CorrelationValue!))]);

    private static string Key(SagaLookup lookup) =>
        SqlDialect.SagaTableName(lookup.Saga) + (lookup.SagaId is { } id ? "/id/" + id.ToString("N") : "/correlation/" + Convert.ToString(lookup.CorrelationValue, System.Globalization.CultureInfo.InvariantCulture));

    private bool IsOfSagaTable(SagaStorageDefinition saga, Exception e) =>
        dialect.ConstraintName(e) is not { } constraint || constraint.Contains(SqlDialect.SagaTableName(saga), StringComparison.OrdinalIgnoreCase);

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

    private static async Task<object?> ReadOne(SagaStorageDefinition saga, DbDataReader reader, CancellationToken cancellationToken)
    {
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
