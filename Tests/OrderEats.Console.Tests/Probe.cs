using System.Collections.Concurrent;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Tests;

/// <summary>What the in-process endpoint saw: every delivery with its headers and body; it fails while <see cref="FailuresLeft"/> is above zero.</summary>
public sealed class Probe
{
    private int failuresLeft;

    public ConcurrentQueue<IncomingMessage> Deliveries { get; } = new();

    public int FailuresLeft
    {
        get => Volatile.Read(ref failuresLeft);
        set => Volatile.Write(ref failuresLeft, value);
    }

    public bool ShouldFail() => Interlocked.Decrement(ref failuresLeft) >= 0;
}
