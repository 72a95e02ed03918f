using System.Buffers.Binary;
using System.Text;

namespace OrderEats.TestInfrastructure.PgWire;

/// <summary>
/// Follows one PostgreSQL connection's message framing in both directions (each side's bytes arrive in order, split anywhere). The client's
/// first messages carry no type byte (SSL/GSS requests, then the startup message naming the database); everything after is a type byte and
/// a length.
/// </summary>
internal sealed class WireConnection(Func<string, WireCounts> countsFor)
{
    private const int ProtocolVersion3 = 196608;
    private const int SslRequest = 80877103;
    private const int GssRequest = 80877104;

    private readonly Frames client = new(typed: false);
    private readonly Frames server = new(typed: true);
    private WireCounts? counts;
    private int outstanding;
    private int singleByteAnswers;

    public void FromClient(ReadOnlySpan<byte> data) => client.Feed(data, OnClientMessage);

    public void FromServer(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && Volatile.Read(ref singleByteAnswers) > 0 && server.AtBoundary)
        {
            // The server answers an SSL or GSS request with one untyped byte ('N': go on without).
            Interlocked.Decrement(ref singleByteAnswers);
            data = data[1..];
        }

        server.Feed(data, OnServerMessage);
    }

    private void OnClientMessage(byte type, ReadOnlySpan<byte> head)
    {
        if (type == 0)
        {
            var code = head.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(head) : 0;
            if (code is SslRequest or GssRequest)
            {
                Interlocked.Increment(ref singleByteAnswers);
            }
            else if (code == ProtocolVersion3)
            {
                counts = countsFor(Database(head[4..]));
                counts.Connection();
                client.Typed = true;
            }

            return;
        }

        if (counts is null)
        {
            return;
        }

        if (type is (byte)'E' or (byte)'Q')
        {
            counts.Statement();
        }

        if (type is (byte)'S' or (byte)'Q' && Interlocked.Increment(ref outstanding) == 1)
        {
            counts.RoundTrip();
        }
    }

    private void OnServerMessage(byte type, ReadOnlySpan<byte> head)
    {
        if (type == (byte)'Z' && Interlocked.Decrement(ref outstanding) < 0)
        {
            // The ReadyForQuery that ends the startup handshake answers no Sync.
            Interlocked.Exchange(ref outstanding, 0);
        }
    }

    private static string Database(ReadOnlySpan<byte> parameters)
    {
        string? user = null;
        while (parameters.Length > 0 && parameters[0] != 0)
        {
            var keyEnd = parameters.IndexOf((byte)0);
            var key = Encoding.UTF8.GetString(parameters[..keyEnd]);
            parameters = parameters[(keyEnd + 1)..];
            var valueEnd = parameters.IndexOf((byte)0);
            var value = Encoding.UTF8.GetString(parameters[..valueEnd]);
            parameters = parameters[(valueEnd + 1)..];
            if (key == "database")
            {
                return value;
            }

            if (key == "user")
            {
                user = value;
            }
        }

        return user ?? "postgres";
    }
}
