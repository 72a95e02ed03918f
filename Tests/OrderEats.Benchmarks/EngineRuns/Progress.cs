using System.Collections.Concurrent;

namespace OrderEats.Benchmarks.EngineRuns;

/// <summary>Counts handled messages (distinct ids, and attempts) and completes when a target is reached.</summary>
public sealed class Progress
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.Ordinal);
    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long attempts;
    private long count;
    private long target = long.MaxValue;
    private long firstTicks;

    public long Count => Interlocked.Read(ref count);

    public long Attempts => Interlocked.Read(ref attempts);

    public Latencies Latencies { get; } = new();

    public Task Reached => reached.Task;

    /// <summary>Stopwatch ticks of the first message counted since <see cref="Reset"/> (0 before).</summary>
    public long FirstTicks => Interlocked.Read(ref firstTicks);

    public void Reset(long newTarget)
    {
        seen.Clear();
        Interlocked.Exchange(ref attempts, 0);
        Interlocked.Exchange(ref count, 0);
        Interlocked.Exchange(ref target, newTarget);
        Interlocked.Exchange(ref firstTicks, 0);
        reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Latencies.Clear();
    }

    /// <summary>Counts one handled message (a second attempt of the same id counts as an attempt only).</summary>
    public void Handled(string messageId)
    {
        Interlocked.Increment(ref attempts);
        if (seen.TryAdd(messageId, 0))
        {
            Increment();
        }
    }

    /// <summary>Counts one unit of work without de-duplication.</summary>
    public void Increment()
    {
        Interlocked.CompareExchange(ref firstTicks, Clock.GetTimestamp(), 0);
        if (Interlocked.Increment(ref count) >= Interlocked.Read(ref target))
        {
            reached.TrySetResult();
        }
    }
}
