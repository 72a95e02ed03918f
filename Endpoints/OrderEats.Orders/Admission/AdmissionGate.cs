using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace OrderEats.Orders.Admission;

/// <summary>
/// Decides, per new order, whether the workflow can take it without its saga timing out in the queues: Little's law over the orders this
/// instance accepted that the kitchen has not yet accepted (in flight) and the rate at which they leave that state (drain), re-read by
/// <see cref="AdmissionSampler"/>. Expected wait = in flight ÷ drain; above the limit new orders are refused until the backlog drains.
/// </summary>
public sealed class AdmissionGate
{
    private readonly ConcurrentDictionary<Guid, long> pending = new();
    private readonly AdmissionOptions options;
    private readonly TimeSpan maxWait;
    private double drainPerSecond;
    private long queueDepth;
    private long refused;
    private int shedding;

    /// <summary>A gate with the given settings; <paramref name="orders"/> supplies the saga timeouts the default limit derives from.</summary>
    /// <param name="options">The gate's settings.</param>
    /// <param name="orders">The orders settings (saga timeouts).</param>
    /// <param name="time">The clock that stamps admitted orders and measures their age; the system clock when null.</param>
    public AdmissionGate(AdmissionOptions options, OrdersOptions orders, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Time = time ?? TimeProvider.System;
        maxWait = options.EffectiveMaxWait(orders);
    }

    /// <summary>The wait the gate allows.</summary>
    public TimeSpan MaxWait => maxWait;

    /// <summary>Orders accepted here that the kitchen has not accepted yet (nor were they cancelled).</summary>
    public int InFlight => pending.Count;

    /// <summary>Orders per second leaving the in-flight state, as last measured.</summary>
    public double DrainPerSecond => Volatile.Read(ref drainPerSecond);

    /// <summary>Ready messages in the orders, payments and kitchen queues at the last sample.</summary>
    public long QueueDepth => Interlocked.Read(ref queueDepth);

    /// <summary>Orders refused since start.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>True while the last decision was a refusal.</summary>
    public bool IsShedding => Volatile.Read(ref shedding) == 1;

    /// <summary>The expected wait of a new order now.</summary>
    public TimeSpan ExpectedWait => Expected(pending.Count + 1);

    /// <summary>Admits <paramref name="orderId"/> (returns null) or refuses it with the reason and a retry time.</summary>
    public AdmissionRefusal? TryAdmit(Guid orderId)
    {
        if (!options.Enabled || pending.ContainsKey(orderId))
        {
            return null;
        }

        var refusal = Check();
        Volatile.Write(ref shedding, refusal is null ? 0 : 1);
        if (refusal is not null)
        {
            Interlocked.Increment(ref refused);
            return refusal;
        }

        pending[orderId] = Time.GetTimestamp();
        return null;
    }

    /// <summary>Turns the ticket an order was admitted under into the order's id (an order placed twice counts once).</summary>
    public void Confirm(Guid ticket, Guid orderId)
    {
        if (pending.TryRemove(ticket, out var admitted))
        {
            pending.TryAdd(orderId, admitted);
        }
    }

    /// <summary>Forgets an admitted order that was not placed after all (invalid, a conflict, an error).</summary>
    public void Withdraw(Guid orderId) => pending.TryRemove(orderId, out _);

    /// <summary>One line for /health/ready and logs.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(!options.Enabled ? "off" : IsShedding ? "shedding" : "open")}: {InFlight} in flight, draining {DrainPerSecond:0.#}/s, expected wait {Seconds(ExpectedWait)} s of {Seconds(maxWait)} s allowed, queues {QueueDepth} ready{(options.MaxQueueDepth > 0 ? $" of {options.MaxQueueDepth} allowed" : string.Empty)}, {Refused} refused");

    internal IReadOnlyCollection<KeyValuePair<Guid, long>> Pending => pending;

    /// <summary>The clock whose timestamps <see cref="Pending"/> holds.</summary>
    internal TimeProvider Time { get; }

    // Called by the sampler: orders that left the in-flight state since the last sample, over the seconds between samples.
    internal void Drained(IEnumerable<Guid> left, int count, double seconds)
    {
        foreach (var id in left)
        {
            pending.TryRemove(id, out _);
        }

        if (seconds <= 0)
        {
            return;
        }

        var rate = count / seconds;
        var previous = Volatile.Read(ref drainPerSecond);
        // Smoothed; with nothing in flight there is nothing to measure, so the last rate stands.
        if (count > 0 || !pending.IsEmpty)
        {
            Volatile.Write(ref drainPerSecond, previous <= 0 ? rate : (0.6 * previous) + (0.4 * rate));
        }
    }

    internal void Depth(long depth) => Interlocked.Exchange(ref queueDepth, depth);

    private AdmissionRefusal? Check()
    {
        if (options.MaxQueueDepth > 0 && QueueDepth > options.MaxQueueDepth)
        {
            return new AdmissionRefusal(
                string.Create(CultureInfo.InvariantCulture, $"The order workflow is backed up: {QueueDepth} messages wait in the orders, payments and kitchen queues (limit {options.MaxQueueDepth})."),
                TimeSpan.FromSeconds(Math.Max(1, maxWait.TotalSeconds / 2)));
        }

        var inFlight = pending.Count + 1;
        if (inFlight <= options.MinInFlight)
        {
            return null;
        }

        var expected = Expected(inFlight);
        if (expected <= maxWait)
        {
            return null;
        }

        var retryAfter = TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling((expected - maxWait).TotalSeconds), 1, 60));
        return new AdmissionRefusal(
            string.Create(
                CultureInfo.InvariantCulture,
                $"The order workflow is at capacity: {inFlight - 1} accepted orders are waiting for the kitchen and drain at {DrainPerSecond:0.#}/s, so a new order would wait about {Seconds(expected)} s; the limit is {Seconds(maxWait)} s (Orders:Admission:MaxWait), past which its saga could time out."),
            retryAfter);
    }

    private TimeSpan Expected(int inFlight)
    {
        var rate = DrainPerSecond;
        return rate <= 0 ? (inFlight <= options.MinInFlight ? TimeSpan.Zero : TimeSpan.MaxValue) : TimeSpan.FromSeconds(Math.Min(inFlight / rate, 86400));
    }

    private static string Seconds(TimeSpan value) => value == TimeSpan.MaxValue ? "∞" : value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
