using Npgsql;

namespace OrderEats.Engine.Sql.Tests.PostgreSql.Durability;

/// <summary>
/// Inserts numbered rows, one transaction each, from several connections at once, and remembers which commits the server acknowledged.
/// A write that fails (the server is down, the outcome of a commit in flight is unknown) is simply not counted; the writer goes on.
/// </summary>
internal sealed class AcknowledgedWriter(string connectionString, int writers)
{
    private readonly Lock gate = new();
    private readonly List<long> acknowledged = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private long next;

    public IReadOnlyList<long> Acknowledged
    {
        get
        {
            lock (gate)
            {
                return [.. acknowledged];
            }
        }
    }

    /// <summary>Writes until <paramref name="stop"/> is cancelled.</summary>
    public async Task Run(CancellationToken stop)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => Write(stop), CancellationToken.None)));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Told to stop.
        }
    }

    /// <summary>Completes once <paramref name="more"/> further commits than now were acknowledged.</summary>
    public Task WhenMoreAcknowledged(int more)
    {
        lock (gate)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((acknowledged.Count + more, signal));
            return signal.Task;
        }
    }

    private async Task Write(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var id = Interlocked.Increment(ref next);
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stop);
                await using var insert = new NpgsqlCommand("INSERT INTO acknowledged (id) VALUES (@id)", connection);
                insert.Parameters.AddWithValue("id", id);
                await insert.ExecuteNonQueryAsync(stop);
                Acknowledge(id);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException && !stop.IsCancellationRequested)
            {
                // The server is down or failing over: this commit's outcome is unknown, so it proves nothing either way. Pace the next try.
                await Task.Delay(TimeSpan.FromMilliseconds(50), stop);
            }
        }
    }

    private void Acknowledge(long id)
    {
        lock (gate)
        {
            acknowledged.Add(id);
            foreach (var waiter in waiters.Where(w => acknowledged.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }
}
