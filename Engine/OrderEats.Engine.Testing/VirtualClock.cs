namespace OrderEats.Engine.Testing;

// The TestableSaga's clock: it stands still until the test moves it.
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void MoveTo(DateTimeOffset time) => now = time;
}
