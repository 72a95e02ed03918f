using System.Collections.Concurrent;

namespace OrderEats.Engine.Tests.Acceptance;

/// <summary>Completion signals handlers raise and tests await (with a timeout), so no test sleeps.</summary>
public sealed class Signals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<object?>> signals = new();
    private readonly ConcurrentDictionary<string, int> counters = new();

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public void Set(string name, object? value = null) => Get(name).TrySetResult(value);

    public int Increment(string name) => counters.AddOrUpdate(name, 1, (_, count) => count + 1);

    public int Count(string name) => counters.GetValueOrDefault(name);

    public async Task<T> WaitFor<T>(string name) => (T)(await Get(name).Task.WaitAsync(Timeout))!;

    public Task WaitFor(string name) => Get(name).Task.WaitAsync(Timeout);

    public bool IsSet(string name) => Get(name).Task.IsCompleted;

    private TaskCompletionSource<object?> Get(string name) =>
        signals.GetOrAdd(name, _ => new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
}
