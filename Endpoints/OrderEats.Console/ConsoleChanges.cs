using OrderEats.Console.Model;

namespace OrderEats.Console;

/// <summary>Raised after each committed change, so tests and live views wait on signals instead of polling.</summary>
public sealed class ConsoleChanges
{
    /// <summary>Raised after a change is committed. Handlers must be quick and must not throw.</summary>
    public event Action<ConsoleChange>? Changed;

    /// <summary>A task that completes with the first change matching <paramref name="match"/> raised from now on.</summary>
    public Task<ConsoleChange> WaitFor(Func<ConsoleChange, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var completion = new TaskCompletionSource<ConsoleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(ConsoleChange change)
        {
            if (match(change) && completion.TrySetResult(change))
            {
                Changed -= Handler;
            }
        }

        Changed += Handler;
        return completion.Task;
    }

    internal void Raise(ConsoleChange change) => Changed?.Invoke(change);
}
