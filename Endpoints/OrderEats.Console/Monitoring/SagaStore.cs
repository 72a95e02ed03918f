using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Monitoring;

/// <summary>Stores saga audit records per instance, the latest state of each instance, and each saga type's graph; purges completed sagas after the retention window.</summary>
internal sealed class SagaStore(ConsoleDatabase database, MonitoringOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string SagaColumns =
        "saga_id AS SagaId, saga_type AS SagaType, correlation AS Correlation, endpoint AS Endpoint, state AS State, completed AS Completed, started AS Started, " +
        "updated AS Updated, pending AS Pending";

    private readonly ConcurrentDictionary<string, SagaGraphModel> graphs = new(StringComparer.Ordinal);

    public async Task EnsureSchema(CancellationToken cancellationToken = default)
    {
        await database.EnsureSchema(cancellationToken);
        await using var connection = await database.Open(cancellationToken);
        foreach (var json in await connection.QueryAsync<string>(DapperSql.Command("SELECT graph FROM console_saga_graphs", null, null, cancellationToken)))
        {
            if (JsonSerializer.Deserialize<SagaGraphModel>(json, Json) is { } graph)
            {
                graphs[graph.SagaType] = graph;
            }
        }
    }

    public SagaGraphModel? Graph(string sagaType) => graphs.GetValueOrDefault(sagaType);

    /// <summary>Every saga graph the console knows.</summary>
    public IReadOnlyList<SagaGraphModel> Graphs() => graphs.Values.ToList();

    /// <summary>Stores a saga type's graph when it is new or changed (the endpoint was redeployed with another saga definition).</summary>
    public async Task SaveGraph(SagaGraphModel graph, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(graph, Json);
        if (graphs.TryGetValue(graph.SagaType, out var known) && JsonSerializer.Serialize(known, Json) == json)
        {
            return;
        }

        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { graph = json, now, type = graph.SagaType };
        var updated = await connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_saga_graphs SET graph = @graph, updated = @now WHERE saga_type = @type", parameters, transaction, cancellationToken));
        if (updated == 0)
        {
            await connection.ExecuteAsync(DapperSql.Command(
                "INSERT INTO console_saga_graphs (saga_type, graph, updated) VALUES (@type, @graph, @now)", parameters, transaction, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        graphs[graph.SagaType] = graph;
    }

    /// <summary>Stores a batch in one transaction; a record already stored (a redelivered batch) is skipped. Returns the saga ids touched.</summary>
    public async Task<IReadOnlyList<Guid>> Ingest(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        var touched = new List<Guid>();
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var record in records)
        {
            var sagaId = record.SagaId.ToString();
            // Whole microseconds, the finest every dialect keeps, so the comparisons below see what was stored.
            var at = record.ProcessedAt.AddTicks(-(record.ProcessedAt.Ticks % 10));
            var id = $"{record.SagaId:N}:{record.Incoming.MessageId}:{record.ProcessedAt.ToUnixTimeMilliseconds()}";
            if (await connection.ExecuteScalarAsync<long>(DapperSql.Command("SELECT COUNT(*) FROM console_saga_audit WHERE id = @id", new { id }, transaction, cancellationToken)) > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(DapperSql.Command(
                "INSERT INTO console_saga_audit (id, saga_id, at, message_id, message_type, entry) VALUES (@id, @sagaId, @at, @message, @type, @entry)",
                new { id, sagaId, at, message = record.Incoming.MessageId, type = record.Incoming.MessageType, entry = JsonSerializer.Serialize(record, Json) },
                transaction,
                cancellationToken));
            var parameters = new
            {
                sagaId, type = record.SagaType, correlation = record.CorrelationValue, endpoint = record.Endpoint,
                state = SagaStateReader.State(record.StateAfter, Graph(record.SagaType), record.Completed), completed = record.Completed ? 1 : 0, at,
                pending = JsonSerializer.Serialize(record.PendingTimeouts, Json), json = record.StateAfter,
            };
            var current = await connection.QuerySingleOrDefaultAsync<SagaTimes>(DapperSql.Command(
                $"SELECT updated AS Updated, started AS Started FROM console_sagas{database.LockHint} WHERE saga_id = @sagaId{database.ForUpdate}",
                new { sagaId },
                transaction,
                cancellationToken));
            if (current is null)
            {
                await connection.ExecuteAsync(DapperSql.Command("""
                    INSERT INTO console_sagas (saga_id, saga_type, correlation, endpoint, state, completed, started, updated, pending, state_json)
                    VALUES (@sagaId, @type, @correlation, @endpoint, @state, @completed, @at, @at, @pending, @json)
                    """, parameters, transaction, cancellationToken));
            }
            else if (at >= current.Updated)
            {
                await connection.ExecuteAsync(DapperSql.Command("""
                    UPDATE console_sagas SET state = @state, completed = @completed, updated = @at, pending = @pending, state_json = @json, endpoint = @endpoint
                    WHERE saga_id = @sagaId
                    """, parameters, transaction, cancellationToken));
            }
            else if (at < current.Started)
            {
                await connection.ExecuteAsync(DapperSql.Command(
                    "UPDATE console_sagas SET started = @at WHERE saga_id = @sagaId", new { at, sagaId }, transaction, cancellationToken));
            }

            touched.Add(record.SagaId);
        }

        await transaction.CommitAsync(cancellationToken);
        return touched;
    }

    public async Task<PagedResult<SagaSummary>> List(SagaFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        void Add<T>(string clause, string name, T value)
        {
            where.Add(clause);
            parameters.Add(name, value);
        }

        if (!string.IsNullOrWhiteSpace(filter.SagaType))
        {
            Add("(saga_type = @type OR saga_type LIKE @typeSuffix)", "type", filter.SagaType);
            parameters.Add("typeSuffix", "%." + filter.SagaType);
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            Add("state = @state", "state", filter.State);
        }

        if (!string.IsNullOrWhiteSpace(filter.Correlation))
        {
            Add("(LOWER(correlation) LIKE @correlation OR LOWER(saga_id) LIKE @correlation)", "correlation", "%" + filter.Correlation.Trim().ToLowerInvariant() + "%");
        }

        if (filter.Completed is { } completed)
        {
            Add("completed = @completed", "completed", completed ? 1 : 0);
        }

        if (filter.MinAge is { } minAge)
        {
            Add("started <= @startedBefore", "startedBefore", now - minAge);
        }

        if (filter.MaxAge is { } maxAge)
        {
            Add("started >= @startedAfter", "startedAfter", now - maxAge);
        }

        var whereSql = where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where);
        await using var connection = await database.Open(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(DapperSql.Command("SELECT COUNT(*) FROM console_sagas" + whereSql, parameters, null, cancellationToken));
        var rows = await connection.QueryAsync<SagaRow>(DapperSql.Command(
            $"SELECT {SagaColumns} FROM console_sagas{whereSql} ORDER BY updated DESC, saga_id" + database.Page((filter.Page - 1) * filter.PageSize, filter.PageSize),
            parameters,
            null,
            cancellationToken));
        return new PagedResult<SagaSummary>([.. rows.Select(r => r.Summary())], (int)total, filter.Page, filter.PageSize);
    }

    public async Task<SagaDetail?> Detail(Guid sagaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var id = sagaId.ToString();
        var row = await connection.QuerySingleOrDefaultAsync<SagaRow>(DapperSql.Command(
            $"SELECT {SagaColumns}, state_json AS StateJson FROM console_sagas WHERE saga_id = @id", new { id }, null, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var timeline = await connection.QueryAsync<string>(DapperSql.Command(
            "SELECT entry FROM console_saga_audit WHERE saga_id = @id ORDER BY at, id", new { id }, null, cancellationToken));
        var summary = row.Summary();
        return new SagaDetail(
            summary, JsonSerializer.Deserialize<List<AuditTimeout>>(row.Pending, Json) ?? [], row.StateJson,
            [.. timeline.Select(entry => JsonSerializer.Deserialize<AuditRecord>(entry, Json)!)], Graph(summary.SagaType));
    }

    /// <summary>
    /// The saga instances a message belongs to: the one its SagaId or OriginatingSagaId header names, and those whose correlation value is an id
    /// property of its JSON body (orderId, … ). At most five.
    /// </summary>
    public async Task<List<SagaSummary>> ForMessage(IReadOnlyDictionary<string, string> headers, string? body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var ids = new[] { Engine.Headers.SagaId, Engine.Headers.OriginatingSagaId }
            .Select(h => headers.GetValueOrDefault(h)).Where(v => Guid.TryParse(v, out _)).Select(v => Guid.Parse(v!).ToString()).Distinct().ToList();
        var correlations = BodyIds.Of(body).Take(10).ToList();
        if (ids.Count == 0 && correlations.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        var where = string.Join(" OR ", new[]
        {
            ids.Count == 0 ? null : "saga_id IN " + DapperSql.InList(parameters, "s", ids),
            correlations.Count == 0 ? null : "correlation IN " + DapperSql.InList(parameters, "c", correlations),
        }.Where(c => c is not null));
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<SagaRow>(DapperSql.Command(
            $"SELECT {SagaColumns} FROM console_sagas WHERE {where} ORDER BY updated DESC" + database.Page(0, 5), parameters, null, cancellationToken));
        return [.. rows.Select(r => r.Summary())];
    }

    /// <summary>Deletes completed sagas (and their audit records) last updated before the retention window.</summary>
    public async Task<int> Purge(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cut = now - options.SagaRetention;
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(DapperSql.Command(
            "DELETE FROM console_saga_audit WHERE saga_id IN (SELECT saga_id FROM console_sagas WHERE completed = 1 AND updated < @cut)", new { cut }, transaction, cancellationToken));
        var deleted = await connection.ExecuteAsync(DapperSql.Command(
            "DELETE FROM console_sagas WHERE completed = 1 AND updated < @cut", new { cut }, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private sealed class SagaTimes
    {
        public DateTimeOffset Updated { get; init; }

        public DateTimeOffset Started { get; init; }
    }

    // A console_sagas row as the database returns it (saga ids are text; SQLite hands back integers as longs).
    private sealed class SagaRow
    {
        public string SagaId { get; init; } = string.Empty;

        public string SagaType { get; init; } = string.Empty;

        public string Correlation { get; init; } = string.Empty;

        public string Endpoint { get; init; } = string.Empty;

        public string? State { get; init; }

        public long Completed { get; init; }

        public DateTimeOffset Started { get; init; }

        public DateTimeOffset Updated { get; init; }

        public string Pending { get; init; } = "[]";

        public string StateJson { get; init; } = "{}";

        public SagaSummary Summary() => new(
            Guid.Parse(SagaId), SagaType, Correlation, Endpoint, State, Completed == 1, Started, Updated,
            JsonSerializer.Deserialize<List<AuditTimeout>>(Pending, Json)?.Count ?? 0);
    }
}
