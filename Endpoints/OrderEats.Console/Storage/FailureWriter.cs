using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Storage;

/// <summary>Records failures from the error queue and resolutions from the console queue, each in one transaction.</summary>
internal sealed class FailureWriter(ConsoleDatabase database)
{
    /// <summary>How much of a body (and of a stack trace) full-text search reads.</summary>
    public const int SearchedBody = 16 * 1024;

    private static readonly GroupingKind[] Kinds = [GroupingKind.Exception, GroupingKind.Endpoint, GroupingKind.MessageType];

    /// <summary>Adds an attempt, creates or updates the failure (same message id → same failure), its groups and an event; commits before returning.</summary>
    public async Task<IngestResult> Ingest(ParsedFailure failure, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var attemptId = AttemptId(failure);
        var existing = (await connection.QueryAsync<ExistingFailure>(DapperSql.Command(
            $"SELECT id, status, attempts FROM console_failures{database.LockHint} WHERE message_id = @MessageId{database.ForUpdate}",
            new { failure.MessageId },
            transaction,
            cancellationToken))).Select(r => (r.Id, Status: Enum.Parse<FailureStatus>(r.Status), r.Attempts)).ToList();
        if (existing.Count == 1 && await connection.ExecuteScalarAsync<long>(DapperSql.Command(
            "SELECT COUNT(*) FROM console_attempts WHERE id = @attemptId", new { attemptId }, transaction, cancellationToken)) > 0)
        {
            // The same error-queue message delivered again (the transport lost our ack): nothing new happened.
            return new IngestResult(existing[0].Id, existing[0].Attempts, Duplicate: true, []);
        }

        var values = new DynamicParameters(new
        {
            message = failure.MessageId, type = failure.MessageType, endpoint = failure.Endpoint, host = failure.Host, queue = failure.FailedQueue,
            extype = failure.ExceptionType, exmessage = failure.ExceptionMessage, stack = failure.StackTrace, headers = HeaderJson.Write(failure.Headers),
            body = failure.Body, gex = failure.GroupId(GroupingKind.Exception), gep = failure.GroupId(GroupingKind.Endpoint), gty = failure.GroupId(GroupingKind.MessageType),
            time = failure.TimeOfFailure, now, search = SearchText(failure), encoding = failure.BodyEncoding, size = failure.BodySize, processed = failure.ProcessingAttempts,
        });
        string failureId;
        int attempts;
        string kind;
        if (existing.Count == 1)
        {
            (failureId, var previous, attempts) = existing[0];
            attempts++;
            kind = previous == FailureStatus.RetryIssued ? "RetryFailed" : "MessageFailedAgain";
            values.Add("id", failureId);
            await connection.ExecuteAsync(DapperSql.Command("""
                UPDATE console_failures SET message_type = @type, endpoint = @endpoint, host = @host, failed_queue = @queue, exception_type = @extype,
                  exception_message = @exmessage, stack_trace = @stack, headers = @headers, body = @body, group_exception = @gex, group_endpoint = @gep,
                  group_type = @gty, status = 'Unresolved', attempts = attempts + 1, last_failed = @time, status_changed = @now, retry_id = NULL,
                  retry_pending = 0, retry_requested = NULL, search_text = @search, body_encoding = @encoding, body_size = @size,
                  processing_attempts = COALESCE(processing_attempts, attempts) + @processed
                WHERE id = @id
                """, values, transaction, cancellationToken));
        }
        else
        {
            failureId = Guid.CreateVersion7(now).ToString("N");
            attempts = 1;
            kind = "MessageFailed";
            var original = failure.EditOf is null ? null : await connection.QueryFirstOrDefaultAsync<string?>(DapperSql.Command(
                "SELECT id FROM console_failures WHERE message_id = @EditOf", new { failure.EditOf }, transaction, cancellationToken));
            values.Add("id", failureId);
            values.Add("edited", original);
            await connection.ExecuteAsync(DapperSql.Command("""
                INSERT INTO console_failures (id, message_id, message_type, endpoint, host, failed_queue, exception_type, exception_message, stack_trace,
                  headers, body, group_exception, group_endpoint, group_type, status, attempts, first_failed, last_failed, status_changed, retry_id,
                  retry_pending, retry_requested, edited_from, edit_message_id, edit_body, search_text, body_encoding, body_size, processing_attempts)
                VALUES (@id, @message, @type, @endpoint, @host, @queue, @extype, @exmessage, @stack, @headers, @body, @gex, @gep, @gty, 'Unresolved', 1,
                  @time, @time, @now, NULL, 0, NULL, @edited, NULL, NULL, @search, @encoding, @size, @processed)
                """, values, transaction, cancellationToken));
            if (original is not null)
            {
                await SupersedeOriginal(connection, transaction, original, failureId, failure.MessageId, now, cancellationToken);
            }
        }

        // The body is kept once, on the failure: every attempt of one message id carries the same body.
        values.Add("attempt", attemptId);
        values.Add("number", attempts);
        await connection.ExecuteAsync(DapperSql.Command("""
            INSERT INTO console_attempts (id, failure_id, attempt, message_id, failed_queue, endpoint, host, exception_type, exception_message, stack_trace,
              headers, body, time_of_failure, received_at, processing_attempts)
            VALUES (@attempt, @id, @number, @message, @queue, @endpoint, @host, @extype, @exmessage, @stack, @headers, '', @time, @now, @processed)
            """, values, transaction, cancellationToken));
        var newGroups = await UpsertGroups(connection, transaction, failure, now, cancellationToken);
        await EventLog.Append(
            connection, transaction, now, kind, failureId, failure.GroupId(GroupingKind.Exception),
            $"{failure.MessageType} failed in {failure.Endpoint} (attempt {attempts}): {failure.ExceptionType}: {failure.ExceptionMessage}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IngestResult(failureId, attempts, Duplicate: false, newGroups);
    }

    /// <summary>Marks the failure whose retry <paramref name="retryId"/> succeeded as resolved; null when no retry with that id is pending.</summary>
    public async Task<(string FailureId, string MessageId)?> Resolve(string retryId, string endpoint, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = (await connection.QueryAsync<(string Id, string MessageId)>(DapperSql.Command(
            $"SELECT id, message_id FROM console_failures{database.LockHint} WHERE retry_id = @retryId AND status = 'RetryIssued'{database.ForUpdate}",
            new { retryId },
            transaction,
            cancellationToken))).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        var (id, messageId) = found[0];
        await connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_failures SET status = 'Resolved', retry_pending = 0, status_changed = @now WHERE id = @id", new { now, id }, transaction, cancellationToken));
        await EventLog.Append(connection, transaction, now, "Resolved", id, null, $"Retry {retryId} of message {messageId} succeeded in {endpoint}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (id, messageId);
    }

    private static async Task SupersedeOriginal(
        DbConnection connection, DbTransaction transaction, string originalId, string copyFailureId, string copyMessageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The edited copy carries the work now; its own failure record is where the operator continues.
        var changed = await connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_failures SET status = 'Resolved', retry_pending = 0, status_changed = @now WHERE id = @originalId AND status = 'RetryIssued'",
            new { now, originalId },
            transaction,
            cancellationToken));
        if (changed == 1)
        {
            await EventLog.Append(
                connection, transaction, now, "Superseded", originalId, null, $"The edited copy {copyMessageId} failed; it continues as failure {copyFailureId}", null, cancellationToken);
        }
    }

    private static async Task<List<FailureGroup>> UpsertGroups(DbConnection connection, DbTransaction transaction, ParsedFailure failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var time = failure.TimeOfFailure;
        var created = new List<FailureGroup>();
        foreach (var kind in Kinds)
        {
            var id = failure.GroupId(kind);
            var updated = await connection.ExecuteAsync(DapperSql.Command("""
                UPDATE console_groups SET last_seen = CASE WHEN last_seen < @time THEN @time ELSE last_seen END,
                  first_seen = CASE WHEN first_seen > @time THEN @time ELSE first_seen END
                WHERE id = @id
                """, new { time, id }, transaction, cancellationToken));
            if (updated == 0)
            {
                var title = failure.GroupTitle(kind);
                await connection.ExecuteAsync(DapperSql.Command(
                    "INSERT INTO console_groups (id, kind, title, first_seen, last_seen) VALUES (@id, @kind, @title, @time, @time)",
                    new { id, kind = kind.ToString(), title, time },
                    transaction,
                    cancellationToken));
                await EventLog.Append(connection, transaction, now, "NewGroup", null, id, $"New {kind} group: {title}", null, cancellationToken);
                created.Add(new FailureGroup(id, kind, title, 1, 1, failure.TimeOfFailure, failure.TimeOfFailure));
            }
        }

        return created;
    }

    private static string AttemptId(ParsedFailure failure)
    {
        var key = string.Join('\n', failure.MessageId, failure.Headers.GetValueOrDefault(Engine.Headers.TimeOfFailure, string.Empty), failure.FailedQueue, failure.ExceptionType, failure.ExceptionMessage);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    // Full-text search covers the first SearchedBody characters of the body and stack trace: enough for ids and values, without a second copy of a large body.
    private static string SearchText(ParsedFailure failure) =>
        string.Join(
            '\n', failure.MessageId, failure.MessageType, failure.Endpoint, failure.ExceptionType, Cut(failure.ExceptionMessage), Cut(failure.StackTrace),
            failure.BodyEncoding == StoredBody.Utf8 ? Cut(failure.Body) : string.Empty).ToLowerInvariant();

    private static string Cut(string text) => text.Length > SearchedBody ? text[..SearchedBody] : text;

    private sealed class ExistingFailure
    {
        public string Id { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public int Attempts { get; init; }
    }
}
