using System.Data.Common;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;

namespace OrderEats.Console.Storage;

/// <summary>Operator actions: issue retries (the dispatcher sends them later, rate-limited), archive, restore, edit-and-retry; and the dispatcher's bookkeeping.</summary>
internal sealed class FailureCommands(ConsoleDatabase database)
{
    public async Task<RetryRequestResult> RequestRetry(RetryScope scope, string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (candidates, unknown) = await FailureScopes.Candidates(connection, transaction, scope, cancellationToken);
        var issued = new List<string>();
        var skipped = new List<string>();
        foreach (var (id, status) in candidates)
        {
            if (status != FailureStatus.Unresolved)
            {
                skipped.Add(id);
                continue;
            }

            var retryId = Guid.CreateVersion7(now).ToString("N");
            await IssueRetry(connection, transaction, id, retryId, null, null, now, cancellationToken);
            await EventLog.Append(connection, transaction, now, "RetryIssued", id, scope.GroupId, $"Retry {retryId} issued", user, cancellationToken);
            issued.Add(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RetryRequestResult(issued, skipped, unknown);
    }

    /// <summary>Archives (or restores) every failure in <paramref name="scope"/> whose status allows it; the others are reported as skipped.</summary>
    public async Task<RetryRequestResult> ChangeMany(RetryScope scope, bool archive, string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (candidates, unknown) = await FailureScopes.Candidates(connection, transaction, scope, cancellationToken);
        var changed = new List<string>();
        var skipped = new List<string>();
        foreach (var (id, status) in candidates)
        {
            if (archive ? !CanArchive(status) : status != FailureStatus.Archived)
            {
                skipped.Add(id);
                continue;
            }

            await SetStatus(connection, transaction, id, archive ? FailureStatus.Archived : FailureStatus.Unresolved, now, cancellationToken);
            await EventLog.Append(connection, transaction, now, archive ? "Archived" : "Restored", id, scope.GroupId, $"{(archive ? "Archived" : "Restored")} by {user}", user, cancellationToken);
            changed.Add(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RetryRequestResult(changed, skipped, unknown);
    }

    /// <summary>How many failures of <paramref name="scope"/> are in <paramref name="status"/> (or in any status when null): what a confirmation states.</summary>
    public async Task<int> Count(RetryScope scope, FailureStatus? status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.Open(cancellationToken);
        var (candidates, _) = await FailureScopes.Candidates(connection, null, scope, cancellationToken);
        return candidates.Count(c => status is null || c.Status == status);
    }

    public async Task<StatusChange> EditAndRetry(string id, string body, string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await CurrentStatus(connection, transaction, id, cancellationToken);
        if (status != FailureStatus.Unresolved)
        {
            return new StatusChange(status is not null, status, Changed: false);
        }

        var retryId = Guid.CreateVersion7(now).ToString("N");
        var newMessageId = Guid.CreateVersion7(now).ToString();
        await IssueRetry(connection, transaction, id, retryId, newMessageId, body, now, cancellationToken);
        await EventLog.Append(connection, transaction, now, "EditRetryIssued", id, null, $"Edited copy {newMessageId} sent as retry {retryId}", user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StatusChange(true, FailureStatus.RetryIssued, Changed: true, retryId, newMessageId);
    }

    /// <summary>Archives an unresolved failure, or one whose retry is pending (the retry is called off; a report of its success is then ignored).</summary>
    public Task<StatusChange> Archive(string id, string user, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeStatus(id, CanArchive, FailureStatus.Archived, "Archived", user, now, cancellationToken);

    public Task<StatusChange> Restore(string id, string user, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeStatus(id, s => s == FailureStatus.Archived, FailureStatus.Unresolved, "Restored", user, now, cancellationToken);

    public static bool CanArchive(FailureStatus status) => status is FailureStatus.Unresolved or FailureStatus.RetryIssued;

    public async Task<List<PendingRetry>> PendingRetries(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Sql.Query(
            connection, null,
            "SELECT id, message_id, failed_queue, headers, body, body_encoding, retry_id, edit_message_id, edit_body FROM console_failures WHERE retry_pending = 1 "
                + "ORDER BY retry_requested, id" + database.Page(0, limit),
            r => new PendingRetry(r.Text("id"), r.Text("message_id"), r.Text("failed_queue"), r.Text("headers"), r.Text("body"), r.Text("retry_id"),
                r.NullableText("edit_message_id"), r.NullableText("edit_body"), r.NullableText("body_encoding")),
            cancellationToken);
    }

    public async Task MarkDispatched(PendingRetry retry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retry);
        await using var connection = await database.Open(cancellationToken);
        await Sql.Execute(
            connection, null, "UPDATE console_failures SET retry_pending = 0 WHERE id = @id AND retry_id = @retry", cancellationToken, ("@id", retry.FailureId), ("@retry", retry.RetryId));
    }

    /// <summary>
    /// The retry could not even be sent (its queue no longer exists, or the stored message cannot be rebuilt): back to Unresolved, with the reason
    /// on the failure and in the event log, so it can be archived, edited or retried again and does not hold up other retries.
    /// </summary>
    public async Task MarkRetryFailed(PendingRetry retry, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retry);
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await Sql.Execute(
            connection, transaction,
            """
            UPDATE console_failures SET status = 'Unresolved', retry_pending = 0, retry_id = NULL, status_changed = @now, retry_error = @reason
            WHERE id = @id AND retry_id = @retry AND status = 'RetryIssued'
            """,
            cancellationToken, ("@now", now.ToUnixTimeMilliseconds()), ("@id", retry.FailureId), ("@retry", retry.RetryId), ("@reason", reason));
        if (changed == 0)
        {
            await Sql.Execute(
                connection, transaction, "UPDATE console_failures SET retry_pending = 0 WHERE id = @id AND retry_id = @retry", cancellationToken,
                ("@id", retry.FailureId), ("@retry", retry.RetryId));
        }
        else
        {
            await EventLog.Append(connection, transaction, now, "RetryNotSent", retry.FailureId, null, $"Retry {retry.RetryId} could not be sent to '{retry.Queue}': {reason}", null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<StatusChange> ChangeStatus(
        string id, Func<FailureStatus, bool> allowed, FailureStatus to, string kind, string user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await CurrentStatus(connection, transaction, id, cancellationToken);
        if (status is not { } current || !allowed(current))
        {
            return new StatusChange(status is not null, status, Changed: false);
        }

        await SetStatus(connection, transaction, id, to, now, cancellationToken);
        await EventLog.Append(connection, transaction, now, kind, id, null, $"{kind} by {user}", user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StatusChange(true, to, Changed: true);
    }

    // Archiving calls off a pending retry; restoring starts from a clean slate.
    private static Task<int> SetStatus(DbConnection connection, DbTransaction transaction, string id, FailureStatus to, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.Execute(
            connection, transaction, "UPDATE console_failures SET status = @to, status_changed = @now, retry_pending = 0, retry_id = NULL WHERE id = @id", cancellationToken,
            ("@to", to.ToString()), ("@now", now.ToUnixTimeMilliseconds()), ("@id", id));

    private async Task<FailureStatus?> CurrentStatus(DbConnection connection, DbTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var rows = await Sql.Query(
            connection, transaction, $"SELECT id, status FROM console_failures{database.LockHint} WHERE id = @id{database.ForUpdate}", ReadIdStatus, cancellationToken, ("@id", id));
        return rows.Count == 0 ? null : rows[0].Status;
    }

    private static Task<int> IssueRetry(
        DbConnection connection, DbTransaction transaction, string id, string retryId, string? editMessageId, string? editBody, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.Execute(connection, transaction, """
            UPDATE console_failures SET status = 'RetryIssued', retry_id = @retry, retry_pending = 1, retry_requested = @now, status_changed = @now,
              edit_message_id = @editid, edit_body = @editbody, retry_error = NULL
            WHERE id = @id AND status = 'Unresolved'
            """, cancellationToken, ("@retry", retryId), ("@now", now.ToUnixTimeMilliseconds()), ("@editid", editMessageId), ("@editbody", editBody), ("@id", id));

    internal static (string Id, FailureStatus Status) ReadIdStatus(DbDataReader reader) => (reader.Text("id"), Enum.Parse<FailureStatus>(reader.Text("status")));
}
