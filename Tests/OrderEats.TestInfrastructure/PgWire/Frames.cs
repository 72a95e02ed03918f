using System.Buffers.Binary;

namespace OrderEats.TestInfrastructure.PgWire;

/// <summary>
/// Splits one direction of a PostgreSQL byte stream into messages. Each message is reported once with its type (0 for the untyped startup
/// messages) and its first bytes (the whole body for untyped messages, which are small; typed bodies are skipped, not buffered).
/// </summary>
internal sealed class Frames(bool typed)
{
    private readonly byte[] header = new byte[5];
    private readonly List<byte> untypedBody = [];
    private int headerLength;
    private long remaining;
    private bool collecting;

    public bool Typed { get; set; } = typed;

    public bool AtBoundary => headerLength == 0 && remaining == 0;

    public delegate void MessageHandler(byte type, ReadOnlySpan<byte> head);

    public void Feed(ReadOnlySpan<byte> data, MessageHandler onMessage)
    {
        while (data.Length > 0)
        {
            if (remaining > 0)
            {
                var take = (int)Math.Min(remaining, data.Length);
                if (collecting)
                {
                    untypedBody.AddRange(data[..take]);
                }

                data = data[take..];
                remaining -= take;
                if (remaining == 0 && collecting)
                {
                    collecting = false;
                    onMessage(0, untypedBody.ToArray());
                    untypedBody.Clear();
                }

                continue;
            }

            var headerSize = Typed ? 5 : 4;
            var copy = Math.Min(headerSize - headerLength, data.Length);
            data[..copy].CopyTo(header.AsSpan(headerLength));
            headerLength += copy;
            data = data[copy..];
            if (headerLength < headerSize)
            {
                return;
            }

            headerLength = 0;
            if (Typed)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
                remaining = length - 4;
                onMessage(header[0], []);
            }
            else
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(header);
                remaining = length - 4;
                collecting = true;
                if (remaining == 0)
                {
                    collecting = false;
                    onMessage(0, []);
                }
            }
        }
    }
}
