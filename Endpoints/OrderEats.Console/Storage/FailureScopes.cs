using System.Data.Common;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;

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
                var names = chunk.Select((_, i) => "@i" + i).ToArray();
                candidates.AddRange(await Sql.Query(
                    connection, transaction, $"SELECT id, status FROM console_failures WHERE id IN ({string.Join(", ", names)})", FailureCommands.ReadIdStatus, cancellationToken,
                    [.. chunk.Select((id, i) => (names[i], (object?)id))]));
            }

            unknown.AddRange(ids.Distinct(StringComparer.Ordinal).Except(candidates.Select(c => c.Id), StringComparer.Ordinal));
            return (candidates, unknown);
        }

        if (scope.GroupId is { } group)
        {
            return (await Sql.Query(
                connection, transaction, "SELECT id, status FROM console_failures WHERE group_exception = @g OR group_endpoint = @g OR group_type = @g ORDER BY last_failed",
                FailureCommands.ReadIdStatus, cancellationToken, ("@g", group)), unknown);
        }

        return (await Sql.Query(
            connection, transaction, "SELECT id, status FROM console_failures WHERE status = 'Unresolved' ORDER BY last_failed", FailureCommands.ReadIdStatus, cancellationToken), unknown);
    }
}
