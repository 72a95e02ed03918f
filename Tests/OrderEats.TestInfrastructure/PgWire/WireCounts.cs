namespace OrderEats.TestInfrastructure.PgWire;

/// <summary>What one database's clients sent through <see cref="PgWireCounter"/>.</summary>
public sealed class WireCounts
{
    private long statements;
    private long roundTrips;
    private long connections;

    /// <summary>Statements executed (extended-protocol Execute and simple Query messages).</summary>
    public long Statements => Interlocked.Read(ref statements);

    /// <summary>Times a client started waiting for the server (a pipelined batch counts once).</summary>
    public long RoundTrips => Interlocked.Read(ref roundTrips);

    /// <summary>Connections opened (startup handshakes).</summary>
    public long Connections => Interlocked.Read(ref connections);

    internal void Statement() => Interlocked.Increment(ref statements);

    internal void RoundTrip() => Interlocked.Increment(ref roundTrips);

    internal void Connection() => Interlocked.Increment(ref connections);

    /// <summary>Sets every count to zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref statements, 0);
        Interlocked.Exchange(ref roundTrips, 0);
        Interlocked.Exchange(ref connections, 0);
    }
}
