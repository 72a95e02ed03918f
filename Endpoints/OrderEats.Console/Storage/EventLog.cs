using System.Data.Common;
using Dapper;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Storage;

/// <summary>Appends to the event log inside the caller's transaction, so an event exists exactly when its change does.</summary>
internal static class EventLog
{
    private const int MaxText = 1000;

    public static Task Append(
        DbConnection connection, DbTransaction transaction, DateTimeOffset at, string kind, string? failureId, string? groupId, string text, string? user, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(DapperSql.Command(
            "INSERT INTO console_events (id, at, kind, failure_id, group_id, text, user_name) VALUES (@id, @at, @kind, @failureId, @groupId, @text, @user)",
            new { id = Guid.CreateVersion7(at).ToString("N"), at, kind, failureId, groupId, text = text.Length > MaxText ? text[..MaxText] + "…" : text, user },
            transaction,
            cancellationToken));
}
