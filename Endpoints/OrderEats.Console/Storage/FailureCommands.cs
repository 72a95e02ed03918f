using System.Data.Common;
using Dapper;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;
using OrderEats.ServiceDefaults;

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
        var pending = await connection.QueryAsync<PendingRetry>(DapperSql.Command(
            "SELECT id AS FailureId, message_id AS MessageId, failed_queue AS Queue, headers AS Headers, body AS Body, retry_id AS RetryId, "
                + "edit_message_id AS EditMessageId, edit_body AS EditBody, body_encoding AS BodyEncoding FROM console_failures WHERE retry_pending = 1 "
                + "ORDER BY retry_requested, id" + database.Page(0, limit),
            null,
            null,
            cancellationToken));
        return [.. pending];
    }

    public async Task MarkDispatched(PendingRetry retry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retry);
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_failures SET retry_pending = 0 WHERE id = @FailureId AND retry_id = @RetryId", new { retry.FailureId, retry.RetryId }, null, cancellationToken));
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
        var changed = await connection.ExecuteAsync(DapperSql.Command(
            """
            UPDATE console_failures SET status = 'Unresolved', retry_pending = 0, retry_id = NULL, status_changed = @now, retry_error = @reason
            WHERE id = @FailureId AND retry_id = @RetryId AND status = 'RetryIssued'
            """,
            new { now, retry.FailureId, retry.RetryId, reason },
            transaction,
            cancellationToken));
        if (changed == 0)
        {
            await connection.ExecuteAsync(DapperSql.Command(
                "UPDATE console_failures SET retry_pending = 0 WHERE id = @FailureId AND retry_id = @RetryId", new { retry.FailureId, retry.RetryId }, transaction, cancellationToken));
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
        connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_failures SET status = @to, status_changed = @now, retry_pending = 0, retry_id = NULL WHERE id = @id",
            new { to = to.ToString(), now, id },
            transaction,
            cancellationToken));

    private async Task<FailureStatus?> CurrentStatus(DbConnection connection, DbTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var rows = await FailureScopes.IdStatuses(
            connection, transaction, $"SELECT id, status FROM console_failures{database.LockHint} WHERE id = @id{database.ForUpdate}", new { id }, cancellationToken);
        return rows.Count == 0 ? null : rows[0].Status;
    }

    private static Task<int> IssueRetry(
        DbConnection connection, DbTransaction transaction, string id, string retryId, string? editMessageId, string? editBody, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(DapperSql.Command("""
            UPDATE console_failures SET status = 'RetryIssued', retry_id = @retry, retry_pending = 1, retry_requested = @now, status_changed = @now,
              edit_message_id = @editid, edit_body = @editbody, retry_error = NULL
            WHERE id = @id AND status = 'Unresolved'
            """, new { retry = retryId, now, editid = editMessageId, editbody = editBody, id }, transaction, cancellationToken));
}
