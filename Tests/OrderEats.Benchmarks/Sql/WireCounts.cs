namespace OrderEats.Benchmarks.Sql;

/// <summary>What one database's clients sent through <see cref="PgWireCounter"/>.</summary>
internal sealed class WireCounts
{
    private long statements;
    private long roundTrips;
    private long connections;

    public long Statements => Interlocked.Read(ref statements);

    public long RoundTrips => Interlocked.Read(ref roundTrips);

    public long Connections => Interlocked.Read(ref connections);

    public void Statement() => Interlocked.Increment(ref statements);

    public void RoundTrip() => Interlocked.Increment(ref roundTrips);

    public void Connection() => Interlocked.Increment(ref connections);

    public void Reset()
    {
        Interlocked.Exchange(ref statements, 0);
        Interlocked.Exchange(ref roundTrips, 0);
        Interlocked.Exchange(ref connections, 0);
    }
}
