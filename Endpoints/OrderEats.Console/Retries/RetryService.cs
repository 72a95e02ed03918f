using OrderEats.Console.Model;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Retries;

/// <summary>What the pages and the API call for operator actions: records them, then wakes the dispatcher and tells observers.</summary>
internal sealed class RetryService(FailureCommands commands, RetryDispatcher dispatcher, ConsoleChanges changes, TimeProvider time)
{
    public async Task<RetryRequestResult> Retry(RetryScope scope, string user, CancellationToken cancellationToken = default)
    {
        var result = await commands.RequestRetry(scope, user, time.GetUtcNow(), cancellationToken);
        if (result.Issued.Count > 0)
        {
            dispatcher.Wake();
        }

        foreach (var id in result.Issued)
        {
            changes.Raise(new ConsoleChange("RetryIssued", id, null, FailureStatus.RetryIssued));
        }

        return result;
    }

    public async Task<StatusChange> EditAndRetry(string id, string body, string user, CancellationToken cancellationToken = default)
    {
        var result = await commands.EditAndRetry(id, body, user, time.GetUtcNow(), cancellationToken);
        if (result.Changed)
        {
            dispatcher.Wake();
            changes.Raise(new ConsoleChange("RetryIssued", id, result.NewMessageId, FailureStatus.RetryIssued, Detail: result.RetryId));
        }

        return result;
    }

    /// <summary>Archives (<paramref name="archive"/>) or restores every failure of the scope that allows it.</summary>
    public async Task<RetryRequestResult> ArchiveOrRestore(RetryScope scope, bool archive, string user, CancellationToken cancellationToken = default)
    {
        var result = await commands.ChangeMany(scope, archive, user, time.GetUtcNow(), cancellationToken);
        foreach (var id in result.Issued)
        {
            changes.Raise(new ConsoleChange(archive ? "Archived" : "Restored", id, null, archive ? FailureStatus.Archived : FailureStatus.Unresolved));
        }

        return result;
    }

    public async Task<StatusChange> Archive(string id, string user, CancellationToken cancellationToken = default) =>
        Raise("Archived", id, await commands.Archive(id, user, time.GetUtcNow(), cancellationToken));

    public async Task<StatusChange> Restore(string id, string user, CancellationToken cancellationToken = default) =>
        Raise("Restored", id, await commands.Restore(id, user, time.GetUtcNow(), cancellationToken));

    private StatusChange Raise(string kind, string id, StatusChange result)
    {
        if (result.Changed)
        {
            changes.Raise(new ConsoleChange(kind, id, null, result.Current));
        }

        return result;
    }
}
