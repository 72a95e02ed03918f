namespace OrderEats.Console.Retries;

/// <summary>
/// Decides how many retried messages go out in the next batch and when the one after may go: at most BatchSize per batch and
/// MessagesPerSecond on average (a batch of n "costs" n / rate seconds). Pure: it reads no clock, so its decisions can be tested.
/// </summary>
internal sealed class BatchScheduler
{
    private readonly int batchSize;
    private readonly double messagesPerSecond;
    private DateTimeOffset nextAllowed = DateTimeOffset.MinValue;

    public BatchScheduler(int batchSize, double messagesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        this.batchSize = batchSize;
        this.messagesPerSecond = messagesPerSecond;
    }

    public BatchDecision Decide(int pending, DateTimeOffset now)
    {
        if (pending <= 0 || now < nextAllowed)
        {
            return new BatchDecision(0, nextAllowed > now ? nextAllowed : now);
        }

        var take = Math.Min(batchSize, pending);
        var start = nextAllowed > now ? nextAllowed : now;
        nextAllowed = start + TimeSpan.FromSeconds(take / messagesPerSecond);
        return new BatchDecision(take, nextAllowed);
    }
}
