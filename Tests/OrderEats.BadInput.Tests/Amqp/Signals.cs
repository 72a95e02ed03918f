using System.Collections.Concurrent;

namespace OrderEats.BadInput.Tests.Amqp;

/// <summary>Completion signals keyed by marker: a probe handled, a failed message seen in the error queue (with its headers), a saga reply handled.</summary>
public sealed class Signals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyDictionary<string, string>>> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> probes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, byte> settled = new();

    public IReadOnlyCollection<string> FailedMarkers => [.. failures.Where(f => f.Value.Task.IsCompleted).Select(f => f.Key)];

    public bool WasSettled(Guid tabId) => settled.ContainsKey(tabId);

    public Task<IReadOnlyDictionary<string, string>> Failure(string marker) => failures.GetOrAdd(marker, _ => NewSource<IReadOnlyDictionary<string, string>>()).Task;

    public Task Probe(string marker) => probes.GetOrAdd(marker, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Failed(string marker, IReadOnlyDictionary<string, string> headers) => failures.GetOrAdd(marker, _ => NewSource<IReadOnlyDictionary<string, string>>()).TrySetResult(headers);

    public void ProbeHandled(string marker) => probes.GetOrAdd(marker, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void SettledHandled(Guid tabId) => settled[tabId] = 0;

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
