using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Monitoring;

/// <summary>Stores saga audit records per instance, the latest state of each instance, and each saga type's graph; purges completed sagas after the retention window.</summary>
internal sealed class SagaStore(ConsoleDatabase database, MonitoringOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, SagaGraphModel> graphs = new(StringComparer.Ordinal);

    public async Task EnsureSchema(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        foreach (var statement in MonitoringSchema.Statements(database.Definition))
        {
            await Sql.Execute(connection, null, statement, cancellationToken);
        }

        foreach (var graph in await Sql.Query(connection, null, "SELECT graph FROM console_saga_graphs", r => JsonSerializer.Deserialize<SagaGraphModel>(r.Text("graph"), Json), cancellationToken))
        {
            if (graph is not null)
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
        var updated = await Sql.Execute(connection, transaction, "UPDATE console_saga_graphs SET graph = @graph, updated = @now WHERE saga_type = @type", cancellationToken,
            ("@graph", json), ("@now", now.ToUnixTimeMilliseconds()), ("@type", graph.SagaType));
        if (updated == 0)
        {
            await Sql.Execute(connection, transaction, "INSERT INTO console_saga_graphs (saga_type, graph, updated) VALUES (@type, @graph, @now)", cancellationToken,
                ("@graph", json), ("@now", now.ToUnixTimeMilliseconds()), ("@type", graph.SagaType));
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
            var at = record.ProcessedAt.ToUnixTimeMilliseconds();
            var id = $"{record.SagaId:N}:{record.Incoming.MessageId}:{at}";
            if (await Sql.Scalar(connection, transaction, "SELECT COUNT(*) FROM console_saga_audit WHERE id = @id", cancellationToken, ("@id", id)) > 0)
            {
                continue;
            }

            await Sql.Execute(connection, transaction,
                "INSERT INTO console_saga_audit (id, saga_id, at, message_id, message_type, entry) VALUES (@id, @saga, @at, @message, @type, @entry)", cancellationToken,
                ("@id", id), ("@saga", sagaId), ("@at", at), ("@message", record.Incoming.MessageId), ("@type", record.Incoming.MessageType),
                ("@entry", JsonSerializer.Serialize(record, Json)));
            var state = SagaStateReader.State(record.StateAfter, Graph(record.SagaType), record.Completed);
            var parameters = new (string, object?)[]
            {
                ("@saga", sagaId), ("@type", record.SagaType), ("@correlation", record.CorrelationValue), ("@endpoint", record.Endpoint), ("@state", state),
                ("@completed", record.Completed ? 1 : 0), ("@at", at), ("@pending", JsonSerializer.Serialize(record.PendingTimeouts, Json)), ("@json", record.StateAfter),
            };
            var current = await Sql.Query(connection, transaction, "SELECT updated, started FROM console_sagas" + database.LockHint + " WHERE saga_id = @saga" + database.ForUpdate,
                r => (Updated: r.Long("updated"), Started: r.Long("started")), cancellationToken, ("@saga", sagaId));
            if (current.Count == 0)
            {
                await Sql.Execute(connection, transaction, """
                    INSERT INTO console_sagas (saga_id, saga_type, correlation, endpoint, state, completed, started, updated, pending, state_json)
                    VALUES (@saga, @type, @correlation, @endpoint, @state, @completed, @at, @at, @pending, @json)
                    """, cancellationToken, parameters);
            }
            else if (at >= current[0].Updated)
            {
                await Sql.Execute(connection, transaction, """
                    UPDATE console_sagas SET state = @state, completed = @completed, updated = @at, pending = @pending, state_json = @json, endpoint = @endpoint
                    WHERE saga_id = @saga
                    """, cancellationToken, parameters);
            }
            else if (at < current[0].Started)
            {
                await Sql.Execute(connection, transaction, "UPDATE console_sagas SET started = @at WHERE saga_id = @saga", cancellationToken, ("@at", at), ("@saga", sagaId));
            }

            touched.Add(record.SagaId);
        }

        await transaction.CommitAsync(cancellationToken);
        return touched;
    }

    public async Task<PagedResult<SagaSummary>> List(SagaFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            parameters.Add((name, value));
        }

        if (!string.IsNullOrWhiteSpace(filter.SagaType))
        {
            Add("(saga_type = @type OR saga_type LIKE @typeSuffix)", "@type", filter.SagaType);
            parameters.Add(("@typeSuffix", "%." + filter.SagaType));
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            Add("state = @state", "@state", filter.State);
        }

        if (!string.IsNullOrWhiteSpace(filter.Correlation))
        {
            Add("(LOWER(correlation) LIKE @correlation OR LOWER(saga_id) LIKE @correlation)", "@correlation", "%" + filter.Correlation.Trim().ToLowerInvariant() + "%");
        }

        if (filter.Completed is { } completed)
        {
            Add("completed = @completed", "@completed", completed ? 1 : 0);
        }

        if (filter.MinAge is { } minAge)
        {
            Add("started <= @startedBefore", "@startedBefore", (now - minAge).ToUnixTimeMilliseconds());
        }

        if (filter.MaxAge is { } maxAge)
        {
            Add("started >= @startedAfter", "@startedAfter", (now - maxAge).ToUnixTimeMilliseconds());
        }

        var whereSql = where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where);
        await using var connection = await database.Open(cancellationToken);
        var total = (int)await Sql.Scalar(connection, null, "SELECT COUNT(*) FROM console_sagas" + whereSql, cancellationToken, [.. parameters]);
        var rows = await Sql.Query(connection, null,
            "SELECT * FROM console_sagas" + whereSql + " ORDER BY updated DESC, saga_id" + database.Page((filter.Page - 1) * filter.PageSize, filter.PageSize),
            Summary, cancellationToken, [.. parameters]);
        return new PagedResult<SagaSummary>(rows, total, filter.Page, filter.PageSize);
    }

    public async Task<SagaDetail?> Detail(Guid sagaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await Sql.Query(connection, null, "SELECT * FROM console_sagas WHERE saga_id = @saga",
            r => (Summary: Summary(r), Pending: r.Text("pending"), Json: r.Text("state_json")), cancellationToken, ("@saga", sagaId.ToString()));
        if (rows.Count == 0)
        {
            return null;
        }

        var timeline = await Sql.Query(connection, null, "SELECT entry FROM console_saga_audit WHERE saga_id = @saga ORDER BY at, id",
            r => JsonSerializer.Deserialize<AuditRecord>(r.Text("entry"), Json)!, cancellationToken, ("@saga", sagaId.ToString()));
        var (summary, pending, json) = rows[0];
        return new SagaDetail(summary, JsonSerializer.Deserialize<List<AuditTimeout>>(pending, Json) ?? [], json, timeline, Graph(summary.SagaType));
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

        var parameters = ids.Select((v, i) => ("@s" + i, (object?)v)).Concat(correlations.Select((v, i) => ("@c" + i, (object?)v))).ToList();
        var where = string.Join(" OR ", new[]
        {
            ids.Count == 0 ? null : $"saga_id IN ({string.Join(", ", ids.Select((_, i) => "@s" + i))})",
            correlations.Count == 0 ? null : $"correlation IN ({string.Join(", ", correlations.Select((_, i) => "@c" + i))})",
        }.Where(c => c is not null));
        await using var connection = await database.Open(cancellationToken);
        return await Sql.Query(connection, null, $"SELECT * FROM console_sagas WHERE {where} ORDER BY updated DESC" + database.Page(0, 5), Summary, cancellationToken, [.. parameters]);
    }

    /// <summary>Deletes completed sagas (and their audit records) last updated before the retention window.</summary>
    public async Task<int> Purge(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cut = (now - options.SagaRetention).ToUnixTimeMilliseconds();
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.Execute(connection, transaction,
            "DELETE FROM console_saga_audit WHERE saga_id IN (SELECT saga_id FROM console_sagas WHERE completed = 1 AND updated < @cut)", cancellationToken, ("@cut", cut));
        var deleted = await Sql.Execute(connection, transaction, "DELETE FROM console_sagas WHERE completed = 1 AND updated < @cut", cancellationToken, ("@cut", cut));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static SagaSummary Summary(DbDataReader r) => new(
        Guid.Parse(r.Text("saga_id")), r.Text("saga_type"), r.Text("correlation"), r.Text("endpoint"), r.NullableText("state"), r.Int("completed") == 1,
        r.Time("started"), r.Time("updated"), JsonSerializer.Deserialize<List<AuditTimeout>>(r.Text("pending"), Json)?.Count ?? 0);
}
