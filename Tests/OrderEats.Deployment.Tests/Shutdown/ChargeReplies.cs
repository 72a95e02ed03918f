using System.Collections.Concurrent;

namespace OrderEats.Deployment.Tests.Shutdown;

/// <summary>The PaymentCharged replies the test endpoint received, by order; signals each new one.</summary>
public sealed class ChargeReplies
{
    private readonly ConcurrentDictionary<Guid, int> replies = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];

    public int Distinct => replies.Count;

    public int Total => replies.Values.Sum();

    public void Add(Guid orderId)
    {
        replies.AddOrUpdate(orderId, 1, (_, count) => count + 1);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => replies.Count >= w.Count))
            {
                waiter.Signal.TrySetResult();
            }
        }
    }

    public Task WhenDistinct(int count)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            waiters.Add((count, signal));
            if (replies.Count >= count)
            {
                signal.TrySetResult();
            }
        }

        return signal.Task;
    }
}
