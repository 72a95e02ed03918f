using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Dialects;

// The one place where the three databases differ: connections, DDL, locking hints, value types and error codes.
// The saga and outbox statements share their shape; dialects override the fragments that differ.
internal abstract partial class SqlDialect
{
    public const string SagaColumns = "id, correlation_value, data, originator, original_message_id, version, timeouts";

    protected SqlDialect(string? schemaName)
    {
        if (schemaName is not null)
        {
            CheckIdentifier(schemaName, "schema name");
        }

        SchemaName = schemaName;
    }

    public abstract SqlDialectKind Kind { get; }

    public string? SchemaName { get; }

    public string OutboxTable => Qualify("outbox");

    // Loads lock the row so a second message for the same saga waits instead of racing to a version conflict.
    protected virtual string RowLockClause => string.Empty;

    protected virtual string TableLockHint => string.Empty;

    protected virtual string TrueLiteral => "1";

    protected virtual string FalseLiteral => "0";

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>The connection string the persistence uses: <paramref name="connectionString"/> with this dialect's defaults for settings it does not name.</summary>
    public virtual string WithDefaults(string connectionString) => connectionString;

    // Runs on every opened connection before any transaction; firstOfDatabase is true for the first connection this process opens to it.
    public virtual Task PrepareConnection(DbConnection connection, bool firstOfDatabase, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public virtual async Task<DbTransaction> BeginTransaction(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    // Creates the database the connection string names when it does not exist; returns true when this call created it.
    // A database that takes one writer at a time returns a gate that writers in this process queue on, so they wait for each other
    // without the provider's busy-retry sleeps; null where the database handles concurrent writers itself.
    public virtual SemaphoreSlim? WriterGate(string connectionString) => null;

    public abstract Task<bool> CreateDatabaseIfMissing(string connectionString, CancellationToken cancellationToken = default);

    public abstract bool IsUniqueViolation(Exception exception);

    // The constraint a violation names, where the provider reports it (null elsewhere).
    public virtual string? ConstraintName(Exception exception) => null;

    // Where true, a unit of work sends several statements in one round trip (DbBatch) and holds its saga and outbox writes for the commit.
    public virtual bool BatchesStatements => false;

    // Begins the text a checked write (UpdateSagaChecked, DeleteSagaChecked) fails with when it changed no row.
    public const string ConflictMarker = "OrderEats saga conflict:";

    // True when the exception is a checked write failing because it changed no row.
    public virtual bool IsCheckedWriteConflict(Exception exception) => false;

    // An update that fails by itself (with @conflict in its error) when the row is not at @version: for dialects that batch writes, where no
    // row count comes back before the COMMIT runs. Null where the dialect does not batch.
    public virtual string? UpdateSagaChecked(SagaStorageDefinition saga) => null;

    // The delete counterpart of UpdateSagaChecked.
    public virtual string? DeleteSagaChecked(SagaStorageDefinition saga) => null;

    // A deadlock victim: the whole transaction can simply run again.
    public virtual bool IsDeadlock(Exception exception) => false;

    // One command each: SQL Server cannot create a schema and tables in one batch.
    public abstract IReadOnlyList<string> SchemaStatements(PersistenceSetup setup);

    // Two endpoints starting at once would race on CREATE ... IF NOT EXISTS (PostgreSQL then fails on its catalog's unique index).
    public abstract string? SchemaLockStatement { get; }

    public abstract string Script(PersistenceSetup setup);

    public abstract string CorrelationColumnType(Type correlationType);

    public static string SagaTableName(SagaStorageDefinition saga)
    {
        ArgumentNullException.ThrowIfNull(saga);
        CheckIdentifier(saga.TableName, $"table name of saga {saga.SagaType}");
        return "saga_" + saga.TableName.ToLowerInvariant();
    }

    public string SagaTable(SagaStorageDefinition saga) => Qualify(SagaTableName(saga));

    public string SelectSagaById(SagaStorageDefinition saga) =>
        $"SELECT {SagaColumns} FROM {SagaTable(saga)}{TableLockHint} WHERE id = @id{RowLockClause}";

    public string SelectSagaByCorrelation(SagaStorageDefinition saga) =>
        $"SELECT {SagaColumns} FROM {SagaTable(saga)}{TableLockHint} WHERE correlation_value = @correlation{RowLockClause}";

    public string InsertSaga(SagaStorageDefinition saga) =>
        $"INSERT INTO {SagaTable(saga)} ({SagaColumns}, created_at, updated_at) " +
        $"VALUES (@id, @correlation, {JsonParameter("@data")}, @originator, @original_message_id, 1, @timeouts, @now, @now)";

    public string UpdateSaga(SagaStorageDefinition saga) =>
        $"UPDATE {SagaTable(saga)} SET data = {JsonParameter("@data")}, timeouts = @timeouts, version = version + 1, updated_at = @now " +
        "WHERE id = @id AND version = @version";

    public string DeleteSaga(SagaStorageDefinition saga) => $"DELETE FROM {SagaTable(saga)} WHERE id = @id AND version = @version";

    public string SelectOutbox => $"SELECT operations, dispatched FROM {OutboxTable} WHERE endpoint = @endpoint AND message_id = @message_id";

    public string InsertOutbox =>
        $"INSERT INTO {OutboxTable} (endpoint, message_id, operations, dispatched, created_at) VALUES (@endpoint, @message_id, @operations, {FalseLiteral}, @now)";

    /// <summary>Marks <paramref name="count"/> records dispatched: parameters @now, @endpoint and @message_id0 … @message_id{count - 1}.</summary>
    public string MarkOutboxDispatched(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var ids = string.Join(", ", Enumerable.Range(0, count).Select(i => "@message_id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"UPDATE {OutboxTable} SET dispatched = {TrueLiteral}, dispatched_at = @now, operations = NULL WHERE endpoint = @endpoint AND message_id IN ({ids})";
    }

    public string PurgeOutbox =>
        $"DELETE FROM {OutboxTable} WHERE endpoint = @endpoint AND dispatched = {TrueLiteral} AND dispatched_at < @older_than";

    public virtual object GuidValue(Guid value) => value;

    public virtual object TimeValue(DateTimeOffset value) => value.ToUniversalTime();

    public object CorrelationValue(SagaStorageDefinition saga, object value)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(value);
        var type = saga.CorrelationType;
        if (type == typeof(Guid) && value is Guid guid)
        {
            return GuidValue(guid);
        }

        if (type == typeof(string) && value is string text)
        {
            return text;
        }

        if ((type == typeof(int) || type == typeof(long)) && value is int or long or short)
        {
            return type == typeof(int) ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        throw new ArgumentException(
            $"Saga {saga.SagaType} correlates on {saga.CorrelationProperty} of type {type.Name}, but the value '{value}' is a {value.GetType().Name}. " +
            "Map the message property of the same type in ConfigureHowToFindSaga.",
            nameof(value));
    }

    protected static void CheckIdentifier(string identifier, string what)
    {
        if (!IdentifierPattern().IsMatch(identifier ?? string.Empty))
        {
            throw new ArgumentException(
                $"The {what} '{identifier}' cannot be used as a SQL identifier: use 1 to 40 letters, digits or underscores, starting with a letter or underscore.",
                nameof(identifier));
        }
    }

    protected abstract string Quote(string identifier);

    protected virtual string JsonParameter(string parameterName) => parameterName;

    protected string Qualify(string name) => SchemaName is null ? Quote(name) : $"{Quote(SchemaName)}.{Quote(name)}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,39}$")]
    private static partial Regex IdentifierPattern();
}
