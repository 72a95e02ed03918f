namespace OrderEats.Engine.Testing;

internal static class RoundDelay
{
    private static readonly long[] UnitTicks =
    [
        TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond,
        TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerMillisecond,
        TimeSpan.TicksPerMicrosecond * 100, TimeSpan.TicksPerMicrosecond * 10, TimeSpan.TicksPerMicrosecond, 1,
    ];

    // The handler computed DeliverAt = (its wall-clock now) + delay, with its now somewhere in [earliest, latest]; the delay therefore lies in
    // [deliverAt - latest, deliverAt - earliest]. Delays people write are round, so the roundest value in that window is the one asked for.
    public static TimeSpan Recover(DateTimeOffset deliverAt, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var low = (deliverAt - latest).Ticks;
        var high = (deliverAt - earliest).Ticks;
        if (low >= high)
        {
            return TimeSpan.FromTicks(low);
        }

        foreach (var unit in UnitTicks)
        {
            var candidate = CeilingToMultiple(low, unit);
            if (candidate <= high)
            {
                return TimeSpan.FromTicks(candidate);
            }
        }

        return TimeSpan.FromTicks(low);
    }

    private static long CeilingToMultiple(long value, long unit)
    {
        var quotient = Math.DivRem(value, unit, out var remainder);
        return (remainder > 0 ? quotient + 1 : quotient) * unit;
    }
}
