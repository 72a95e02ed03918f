namespace OrderEats.Engine.Testing;

internal sealed class VirtualClock(Func<DateTimeOffset> now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now();
}
