namespace OrderEats.Engine.Contracts;

/// <summary>Runs bodies concurrently from a common start line, so a race is forced rather than hoped for.</summary>
public static class Race
{
    /// <summary>Starts <paramref name="count"/> bodies on the thread pool; all wait until every one is running, then go. Returns each body's exception, or null.</summary>
    public static async Task<Exception?[]> Run(int count, Func<int, Task> body, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(body);
        var ready = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var allReady = Task.WhenAll(ready.Select(r => r.Task));
        var runners = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            ready[i].SetResult();
            await allReady.WaitAsync(timeout);
            try
            {
                await body(i);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        })).ToArray();
        return await Task.WhenAll(runners).WaitAsync(timeout);
    }
}
