namespace OrderEats.Services.Tests.Harness;

/// <summary>Everything the fake "orders" endpoint received; tests wait on it (with a timeout) instead of sleeping.</summary>
public sealed class Inbox
{
    private readonly Lock gate = new();
    private readonly List<object> messages = [];
    private readonly List<(Func<bool> Ready, TaskCompletionSource Done)> waiters = [];

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public void Add(object message)
    {
        lock (gate)
        {
            messages.Add(message);
            foreach (var waiter in waiters.Where(w => w.Ready()).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> matching <paramref name="where"/> arrived; returns them all.</summary>
    public async Task<IReadOnlyList<T>> WaitFor<T>(Func<T, bool> where, int count = 1)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            bool Ready() => messages.OfType<T>().Count(where) >= count;
            if (Ready())
            {
                done.TrySetResult();
            }
            else
            {
                waiters.Add((Ready, done));
            }
        }

        try
        {
            await done.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Waited {Timeout} for {count} {typeof(T).Name} message(s); received: {string.Join(", ", Received<object>(_ => true))}");
        }

        return Received(where);
    }

    /// <summary>The messages of type <typeparamref name="T"/> matching <paramref name="where"/> received so far.</summary>
    public IReadOnlyList<T> Received<T>(Func<T, bool> where)
    {
        lock (gate)
        {
            return messages.OfType<T>().Where(where).ToList();
        }
    }
}
