namespace OrderEats.TracingBenchmark;

/// <summary>Signals when the expected number of pings was handled.</summary>
internal sealed class PingCounter
{
    private int remaining;
    private TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Expect(int count)
    {
        done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref remaining, count);
        return done.Task;
    }

    public void Received()
    {
        if (Interlocked.Decrement(ref remaining) == 0)
        {
            done.TrySetResult();
        }
    }
}
