using System.Data.Common;
using Dapper;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Storage;

/// <summary>Reads for the pages and the API: filtered, paged failure lists, details with attempts, groups, the event log and dashboard counts.</summary>
internal sealed class FailureQueries(ConsoleDatabase database)
{
    private const string SummaryColumns =
        "id AS Id, message_id AS MessageId, message_type AS MessageType, endpoint AS Endpoint, exception_type AS ExceptionType, exception_message AS ExceptionMessage, "
        + "status AS Status, COALESCE(processing_attempts, attempts) AS Attempts, first_failed AS FirstFailed, last_failed AS LastFailed, "
        + "group_exception AS ExceptionGroupId, retry_error AS RetryError, body_size AS BodySize";

    public async Task<PagedResult<FailureSummary>> List(FailureFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = Where(filter);
        await using var connection = await database.Open(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(DapperSql.Command("SELECT COUNT(*) FROM console_failures" + where, parameters, null, cancellationToken));
        var items = await connection.QueryAsync<SummaryRow>(DapperSql.Command(
            $"SELECT {SummaryColumns} FROM console_failures{where} ORDER BY last_failed DESC, id DESC" + database.Page((filter.Page - 1) * filter.PageSize, filter.PageSize),
            parameters,
            null,
            cancellationToken));
        return new PagedResult<FailureSummary>([.. items.Select(r => r.Summary())], (int)total, filter.Page, filter.PageSize);
    }

    public async Task<FailureDetail?> Detail(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var size = $"COALESCE(body_size, {database.Length("body")})";
        var row = await connection.QuerySingleOrDefaultAsync<DetailRow>(DapperSql.Command(
            $"""
            SELECT {SummaryColumns}, failed_queue AS FailedQueue, host AS Host, stack_trace AS StackTrace, headers AS Headers, retry_id AS RetryId,
              edited_from AS EditedFrom, edit_message_id AS EditMessageId, group_endpoint AS EndpointGroupId, group_type AS MessageTypeGroupId,
              body_encoding AS BodyEncoding, {size} AS Size,
              CASE WHEN {size} <= {FailureDetail.InlineBodyLimit} THEN body ELSE {ConsoleDatabase.Prefix("body", FailureDetail.PreviewLength)} END AS Shown
            FROM console_failures WHERE id = @id
            """,
            new { id },
            null,
            cancellationToken));
        if (row is null)
        {
            return null;
        }

        var attempts = await connection.QueryAsync<AttemptRow>(DapperSql.Command(
            "SELECT attempt AS Number, message_id AS MessageId, failed_queue AS FailedQueue, endpoint AS Endpoint, host AS Host, exception_type AS ExceptionType, "
                + "exception_message AS ExceptionMessage, stack_trace AS StackTrace, time_of_failure AS TimeOfFailure, headers AS Headers, "
                + "processing_attempts AS ProcessingAttempts FROM console_attempts WHERE failure_id = @id ORDER BY attempt",
            new { id },
            null,
            cancellationToken));
        var inline = row.Size <= FailureDetail.InlineBodyLimit;
        return new FailureDetail(
            row.Summary() with { BodySize = row.Size }, row.FailedQueue, row.Host, row.StackTrace, HeaderJson.Read(row.Headers), inline ? row.Shown : null, row.RetryId,
            row.EditedFrom, row.EditMessageId, row.EndpointGroupId, row.MessageTypeGroupId, [.. attempts.Select(a => a.Attempt())], row.Size, !inline, inline ? null : row.Shown,
            row.BodyEncoding);
    }

    /// <summary>The whole stored body of a failure as bytes, with its content type; null when the failure does not exist.</summary>
    public async Task<(byte[] Body, string ContentType, string MessageId)?> Body(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = (await connection.QueryAsync<(string MessageId, string Body, string? Encoding, string Headers)>(DapperSql.Command(
            "SELECT message_id, body, body_encoding, headers FROM console_failures WHERE id = @id", new { id }, null, cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var contentType = row.Encoding == StoredBody.Base64 ? "application/octet-stream"
            : HeaderJson.Read(row.Headers).GetValueOrDefault(Engine.Headers.ContentType) is "application/json" ? "application/json" : "text/plain; charset=utf-8";
        return (StoredBody.Decode(row.Body, row.Encoding), contentType, row.MessageId);
    }

    public async Task<List<FailureGroup>> Groups(GroupingKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Groups(connection, GroupSelect(kind) + " WHERE g.kind = @kind ORDER BY Unresolved DESC, g.last_seen DESC", new { kind = kind.ToString() }, cancellationToken);
    }

    public async Task<FailureGroup?> Group(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var kind = await connection.ExecuteScalarAsync<string?>(DapperSql.Command("SELECT kind FROM console_groups WHERE id = @id", new { id }, null, cancellationToken));
        if (kind is null)
        {
            return null;
        }

        var groups = await Groups(connection, GroupSelect(Enum.Parse<GroupingKind>(kind)) + " WHERE g.id = @id", new { id }, cancellationToken);
        return groups.FirstOrDefault();
    }

    public async Task<List<ConsoleEvent>> Events(int limit, string? failureId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var where = failureId is null ? string.Empty : " WHERE failure_id = @failureId";
        var events = await connection.QueryAsync<ConsoleEvent>(DapperSql.Command(
            "SELECT id AS Id, at AS At, kind AS Kind, failure_id AS FailureId, group_id AS GroupId, text AS Text, user_name AS \"User\" "
                + $"FROM console_events{where} ORDER BY at DESC, id DESC" + database.Page(0, limit),
            new { failureId },
            null,
            cancellationToken));
        return [.. events];
    }

    public async Task<Dictionary<FailureStatus, int>> CountByStatus(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var counts = Enum.GetValues<FailureStatus>().ToDictionary(s => s, _ => 0);
        foreach (var row in await connection.QueryAsync<StatusCount>(DapperSql.Command(
            "SELECT status AS Status, COUNT(*) AS Failures FROM console_failures GROUP BY status", null, null, cancellationToken)))
        {
            counts[Enum.Parse<FailureStatus>(row.Status)] = (int)row.Failures;
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
        return [.. await connection.QueryAsync<string>(DapperSql.Command($"SELECT DISTINCT {column} AS v FROM console_failures ORDER BY v", null, null, cancellationToken))];
    }

    private static (string Where, DynamicParameters Parameters) Where(FailureFilter filter)
    {
        var clauses = new List<string>();
        var parameters = new DynamicParameters();
        void Add<T>(string clause, string name, T value)
        {
            clauses.Add(clause);
            parameters.Add(name, value);
        }

        if (filter.From is { } from)
        {
            Add("last_failed >= @from", "from", from);
        }

        if (filter.To is { } to)
        {
            Add("last_failed < @to", "to", to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Endpoint))
        {
            Add("endpoint = @endpoint", "endpoint", filter.Endpoint);
        }

        if (!string.IsNullOrWhiteSpace(filter.MessageType))
        {
            Add("message_type = @type", "type", filter.MessageType);
        }

        if (filter.Status is { } status)
        {
            Add("status = @status", "status", status.ToString());
        }

        if (!string.IsNullOrWhiteSpace(filter.GroupId))
        {
            Add("(group_exception = @group OR group_endpoint = @group OR group_type = @group)", "group", filter.GroupId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var escaped = filter.Text.Trim().ToLowerInvariant()
                .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            Add("search_text LIKE @text ESCAPE '\\'", "text", "%" + escaped + "%");
        }

        return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
    }

    private static string GroupSelect(GroupingKind kind)
    {
        var column = kind switch { GroupingKind.Endpoint => "group_endpoint", GroupingKind.MessageType => "group_type", _ => "group_exception" };
        return $"""
            SELECT g.id AS Id, g.kind AS Kind, g.title AS Title, g.first_seen AS FirstSeen, g.last_seen AS LastSeen,
              (SELECT COUNT(*) FROM console_failures f WHERE f.{column} = g.id) AS Total,
              (SELECT COUNT(*) FROM console_failures f WHERE f.{column} = g.id AND f.status = 'Unresolved') AS Unresolved
            FROM console_groups g
            """;
    }

    private static async Task<List<FailureGroup>> Groups(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<GroupRow>(DapperSql.Command(sql, parameters, null, cancellationToken)))
            .Select(r => new FailureGroup(r.Id, Enum.Parse<GroupingKind>(r.Kind), r.Title, (int)r.Total, (int)r.Unresolved, r.FirstSeen, r.LastSeen))];

    // Rows as the database returns them (SQLite hands back every integer as a long), before they become the model's records.
    private class SummaryRow
    {
        public string Id { get; init; } = string.Empty;

        public string MessageId { get; init; } = string.Empty;

        public string MessageType { get; init; } = string.Empty;

        public string Endpoint { get; init; } = string.Empty;

        public string ExceptionType { get; init; } = string.Empty;

        public string ExceptionMessage { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public int Attempts { get; init; }

        public DateTimeOffset FirstFailed { get; init; }

        public DateTimeOffset LastFailed { get; init; }

        public string ExceptionGroupId { get; init; } = string.Empty;

        public string? RetryError { get; init; }

        public long? BodySize { get; init; }

        public FailureSummary Summary() => new(
            Id, MessageId, MessageType, Endpoint, ExceptionType, ExceptionMessage, Enum.Parse<FailureStatus>(Status), Attempts, FirstFailed, LastFailed, ExceptionGroupId,
            RetryError, BodySize ?? 0);
    }

    private sealed class DetailRow : SummaryRow
    {
        public string FailedQueue { get; init; } = string.Empty;

        public string Host { get; init; } = string.Empty;

        public string StackTrace { get; init; } = string.Empty;

        public string Headers { get; init; } = "{}";

        public string? RetryId { get; init; }

        public string? EditedFrom { get; init; }

        public string? EditMessageId { get; init; }

        public string EndpointGroupId { get; init; } = string.Empty;

        public string MessageTypeGroupId { get; init; } = string.Empty;

        public string? BodyEncoding { get; init; }

        public long Size { get; init; }

        public string Shown { get; init; } = string.Empty;
    }

    private sealed class AttemptRow
    {
        public int Number { get; init; }

        public string MessageId { get; init; } = string.Empty;

        public string FailedQueue { get; init; } = string.Empty;

        public string Endpoint { get; init; } = string.Empty;

        public string Host { get; init; } = string.Empty;

        public string ExceptionType { get; init; } = string.Empty;

        public string ExceptionMessage { get; init; } = string.Empty;

        public string StackTrace { get; init; } = string.Empty;

        public DateTimeOffset TimeOfFailure { get; init; }

        public string Headers { get; init; } = "{}";

        public int? ProcessingAttempts { get; init; }

        public FailureAttempt Attempt() => new(
            Number, MessageId, FailedQueue, Endpoint, Host, ExceptionType, ExceptionMessage, StackTrace, TimeOfFailure, HeaderJson.Read(Headers), null, ProcessingAttempts ?? 1);
    }

    private sealed class GroupRow
    {
        public string Id { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string Title { get; init; } = string.Empty;

        public long Total { get; init; }

        public long Unresolved { get; init; }

        public DateTimeOffset FirstSeen { get; init; }

        public DateTimeOffset LastSeen { get; init; }
    }

    private sealed class StatusCount
    {
        public string Status { get; init; } = string.Empty;

        public long Failures { get; init; }
    }
}
