using System.Data.Common;
using Dapper;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Storage;

/// <summary>The failures a bulk action covers: a selection of ids (and which of them do not exist), one group, or every unresolved failure.</summary>
internal static class FailureScopes
{
    public static async Task<(List<(string Id, FailureStatus Status)> Candidates, List<string> Unknown)> Candidates(
        DbConnection connection, DbTransaction? transaction, RetryScope scope, CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        if (scope.Ids is { } ids)
        {
            var candidates = new List<(string Id, FailureStatus Status)>();
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(200))
            {
                var parameters = new DynamicParameters();
                var list = DapperSql.InList(parameters, "i", chunk);
                candidates.AddRange(await IdStatuses(connection, transaction, $"SELECT id, status FROM console_failures WHERE id IN {list}", parameters, cancellationToken));
            }

            unknown.AddRange(ids.Distinct(StringComparer.Ordinal).Except(candidates.Select(c => c.Id), StringComparer.Ordinal));
            return (candidates, unknown);
        }

        if (scope.GroupId is { } group)
        {
            return (await IdStatuses(
                connection, transaction, "SELECT id, status FROM console_failures WHERE group_exception = @group OR group_endpoint = @group OR group_type = @group ORDER BY last_failed",
                new { group }, cancellationToken), unknown);
        }

        return (await IdStatuses(connection, transaction, "SELECT id, status FROM console_failures WHERE status = 'Unresolved' ORDER BY last_failed", null, cancellationToken), unknown);
    }

    /// <summary>The (id, status) rows of a SELECT id, status query.</summary>
    public static async Task<List<(string Id, FailureStatus Status)>> IdStatuses(
        DbConnection connection, DbTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<(string Id, string Status)>(DapperSql.Command(sql, parameters, transaction, cancellationToken)))
            .Select(row => (row.Id, Enum.Parse<FailureStatus>(row.Status)))];
}
