using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrderEats.TestInfrastructure.PgWire;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that reads the wire protocol as it passes and counts, per database, the statements executed
/// (Execute and simple Query messages) and the round trips (each time a client starts waiting for a server answer: its first Sync or Query
/// while none is outstanding, so a pipelined batch with its BEGIN and COMMIT counts once). What the clients send is forwarded unchanged.
/// </summary>
public sealed class PgWireCounter : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string upstreamHost;
    private readonly int upstreamPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, WireCounts> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TcpClient> clients = [];
    private Task? accepting;

    /// <summary>A counter forwarding to the PostgreSQL server at <paramref name="upstreamHost"/>:<paramref name="upstreamPort"/>; <see cref="Start"/> opens it.</summary>
    public PgWireCounter(string upstreamHost, int upstreamPort)
    {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
    }

    /// <summary>The loopback port clients connect to instead of the server's.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The counts so far, per database name.</summary>
    public IReadOnlyDictionary<string, WireCounts> Counts => counts;

    /// <summary>Starts accepting connections.</summary>
    public void Start()
    {
        listener.Start();
        accepting = Task.Run(Accept);
    }

    /// <summary>Sets every count to zero (connections stay open).</summary>
    public void Reset()
    {
        foreach (var c in counts.Values)
        {
            c.Reset();
        }
    }

    /// <summary>Stops accepting and closes every proxied connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (accepting is not null)
        {
            await accepting;
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        stopping.Dispose();
    }

    private async Task Accept()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            clients.Add(client);
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(upstreamHost, upstreamPort, stopping.Token);
            var connection = new WireConnection(database => counts.GetOrAdd(database, _ => new WireCounts()));
            var fromClient = Pump(client.GetStream(), upstream.GetStream(), connection.FromClient);
            var fromServer = Pump(upstream.GetStream(), client.GetStream(), connection.FromServer);
            await Task.WhenAny(fromClient, fromServer);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A connection closed by either side (pool pruning, a killed service): nothing to count.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to, Action<ReadOnlySpan<byte>> observe)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stopping.Token)) > 0)
            {
                // Observed before it is forwarded, so a request is counted before its answer can arrive.
                observe(buffer.AsSpan(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
