using System.Data.Common;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;

namespace OrderEats.Console.Storage;

/// <summary>Reads for the pages and the API: filtered, paged failure lists, details with attempts, groups, the event log and dashboard counts.</summary>
internal sealed class FailureQueries(ConsoleDatabase database)
{
    private const string SummaryColumns =
        "id, message_id, message_type, endpoint, exception_type, exception_message, status, COALESCE(processing_attempts, attempts) AS attempts, first_failed, "
        + "last_failed, group_exception, retry_error, body_size";

    public async Task<PagedResult<FailureSummary>> List(FailureFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = Where(filter);
        await using var connection = await database.Open(cancellationToken);
        var total = await Sql.Scalar(connection, null, "SELECT COUNT(*) FROM console_failures" + where, cancellationToken, [.. parameters]);
        var items = await Sql.Query(
            connection, null,
            $"SELECT {SummaryColumns} FROM console_failures{where} ORDER BY last_failed DESC, id DESC" + database.Page((filter.Page - 1) * filter.PageSize, filter.PageSize),
            ReadSummary, cancellationToken, [.. parameters]);
        return new PagedResult<FailureSummary>(items, (int)total, filter.Page, filter.PageSize);
    }

    public async Task<FailureDetail?> Detail(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var size = $"COALESCE(body_size, {database.Length("body")})";
        var rows = await Sql.Query(
            connection, null,
            $"""
            SELECT {SummaryColumns}, failed_queue, host, stack_trace, headers, retry_id, edited_from, edit_message_id, group_endpoint, group_type, body_encoding,
              {size} AS size,
              CASE WHEN {size} <= {FailureDetail.InlineBodyLimit} THEN body ELSE {ConsoleDatabase.Prefix("body", FailureDetail.PreviewLength)} END AS shown
            FROM console_failures WHERE id = @id
            """,
            r => (Summary: ReadSummary(r), Queue: r.Text("failed_queue"), Host: r.Text("host"), Stack: r.Text("stack_trace"), Headers: HeaderJson.Read(r.Text("headers")),
                Shown: r.Text("shown"), Size: r.Long("size"), Encoding: r.NullableText("body_encoding"), Retry: r.NullableText("retry_id"),
                EditedFrom: r.NullableText("edited_from"), EditId: r.NullableText("edit_message_id"), GroupEndpoint: r.Text("group_endpoint"), GroupType: r.Text("group_type")),
            cancellationToken, ("@id", id));
        if (rows.Count == 0)
        {
            return null;
        }

        var attempts = await Sql.Query(
            connection, null,
            "SELECT attempt, message_id, failed_queue, endpoint, host, exception_type, exception_message, stack_trace, time_of_failure, headers, processing_attempts "
                + "FROM console_attempts WHERE failure_id = @id ORDER BY attempt",
            r => new FailureAttempt(
                r.Int("attempt"), r.Text("message_id"), r.Text("failed_queue"), r.Text("endpoint"), r.Text("host"), r.Text("exception_type"), r.Text("exception_message"),
                r.Text("stack_trace"), r.Time("time_of_failure"), HeaderJson.Read(r.Text("headers")), null, r["processing_attempts"] is DBNull ? 1 : r.Int("processing_attempts")),
            cancellationToken, ("@id", id));
        var row = rows[0];
        var inline = row.Size <= FailureDetail.InlineBodyLimit;
        return new FailureDetail(
            row.Summary with { BodySize = row.Size }, row.Queue, row.Host, row.Stack, row.Headers, inline ? row.Shown : null, row.Retry, row.EditedFrom, row.EditId,
            row.GroupEndpoint, row.GroupType, attempts, row.Size, !inline, inline ? null : row.Shown, row.Encoding);
    }

    /// <summary>The whole stored body of a failure as bytes, with its content type; null when the failure does not exist.</summary>
    public async Task<(byte[] Body, string ContentType, string MessageId)?> Body(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await Sql.Query(
            connection, null, "SELECT message_id, body, body_encoding, headers FROM console_failures WHERE id = @id",
            r => (MessageId: r.Text("message_id"), Body: r.Text("body"), Encoding: r.NullableText("body_encoding"), Headers: HeaderJson.Read(r.Text("headers"))),
            cancellationToken, ("@id", id));
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var contentType = row.Encoding == StoredBody.Base64 ? "application/octet-stream"
            : row.Headers.GetValueOrDefault(Engine.Headers.ContentType) is "application/json" ? "application/json" : "text/plain; charset=utf-8";
        return (StoredBody.Decode(row.Body, row.Encoding), contentType, row.MessageId);
    }

    public async Task<List<FailureGroup>> Groups(GroupingKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Sql.Query(
            connection, null, GroupSelect(kind) + " WHERE g.kind = @kind ORDER BY unresolved DESC, g.last_seen DESC", ReadGroup, cancellationToken, ("@kind", kind.ToString()));
    }

    public async Task<FailureGroup?> Group(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var kinds = await Sql.Query(connection, null, "SELECT kind FROM console_groups WHERE id = @id", r => Enum.Parse<GroupingKind>(r.Text("kind")), cancellationToken, ("@id", id));
        if (kinds.Count == 0)
        {
            return null;
        }

        var groups = await Sql.Query(connection, null, GroupSelect(kinds[0]) + " WHERE g.id = @id", ReadGroup, cancellationToken, ("@id", id));
        return groups.FirstOrDefault();
    }

    public async Task<List<ConsoleEvent>> Events(int limit, string? failureId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var where = failureId is null ? string.Empty : " WHERE failure_id = @failure";
        return await Sql.Query(
            connection, null, $"SELECT * FROM console_events{where} ORDER BY at DESC, id DESC" + database.Page(0, limit),
            r => new ConsoleEvent(r.Text("id"), r.Time("at"), r.Text("kind"), r.NullableText("failure_id"), r.NullableText("group_id"), r.Text("text"), r.NullableText("user_name")),
            cancellationToken, failureId is null ? [] : [("@failure", failureId)]);
    }

    public async Task<Dictionary<FailureStatus, int>> CountByStatus(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var counts = Enum.GetValues<FailureStatus>().ToDictionary(s => s, _ => 0);
        foreach (var (status, count) in await Sql.Query(
            connection, null, "SELECT status, COUNT(*) AS n FROM console_failures GROUP BY status", r => (Enum.Parse<FailureStatus>(r.Text("status")), r.Int("n")), cancellationToken))
        {
            counts[status] = count;
        }

        return counts;
    }

    public async Task<List<string>> Distinct(string column, CancellationToken cancellationToken = default)
    {
        if (column is not ("endpoint" or "message_type"))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "Only endpoint and message_type are listed.");
        }

        await using var connection = await database.Open(cancellationToken);
        return await Sql.Query(connection, null, $"SELECT DISTINCT {column} AS v FROM console_failures ORDER BY v", r => r.Text("v"), cancellationToken);
    }

    private static (string Where, List<(string, object?)> Parameters) Where(FailureFilter filter)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, object value)
        {
            clauses.Add(clause);
            parameters.Add((name, value));
        }

        if (filter.From is { } from)
        {
            Add("last_failed >= @from", "@from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            Add("last_failed < @to", "@to", to.ToUnixTimeMilliseconds());
        }

        if (!string.IsNullOrWhiteSpace(filter.Endpoint))
        {
            Add("endpoint = @endpoint", "@endpoint", filter.Endpoint);
        }

        if (!string.IsNullOrWhiteSpace(filter.MessageType))
        {
            Add("message_type = @type", "@type", filter.MessageType);
        }

        if (filter.Status is { } status)
        {
            Add("status = @status", "@status", status.ToString());
        }

        if (!string.IsNullOrWhiteSpace(filter.GroupId))
        {
            Add("(group_exception = @group OR group_endpoint = @group OR group_type = @group)", "@group", filter.GroupId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var escaped = filter.Text.Trim().ToLowerInvariant()
                .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            Add("search_text LIKE @text ESCAPE '\\'", "@text", "%" + escaped + "%");
        }

        return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
    }

    private static string GroupSelect(GroupingKind kind)
    {
        var column = kind switch { GroupingKind.Endpoint => "group_endpoint", GroupingKind.MessageType => "group_type", _ => "group_exception" };
        return $"""
            SELECT g.id, g.kind, g.title, g.first_seen, g.last_seen,
              (SELECT COUNT(*) FROM console_failures f WHERE f.{column} = g.id) AS total,
              (SELECT COUNT(*) FROM console_failures f WHERE f.{column} = g.id AND f.status = 'Unresolved') AS unresolved
            FROM console_groups g
            """;
    }

    private static FailureGroup ReadGroup(DbDataReader r) =>
        new(r.Text("id"), Enum.Parse<GroupingKind>(r.Text("kind")), r.Text("title"), r.Int("total"), r.Int("unresolved"), r.Time("first_seen"), r.Time("last_seen"));

    private static FailureSummary ReadSummary(DbDataReader r) => new(
        r.Text("id"), r.Text("message_id"), r.Text("message_type"), r.Text("endpoint"), r.Text("exception_type"), r.Text("exception_message"),
        Enum.Parse<FailureStatus>(r.Text("status")), r.Int("attempts"), r.Time("first_failed"), r.Time("last_failed"), r.Text("group_exception"),
        r.NullableText("retry_error"), r["body_size"] is DBNull ? 0 : r.Long("body_size"));
}
