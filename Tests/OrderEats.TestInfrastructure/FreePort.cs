using System.Net;
using System.Net.Sockets;

namespace OrderEats.TestInfrastructure;

/// <summary>Finds a TCP port on loopback that nothing listens on.</summary>
public static class FreePort
{
    /// <summary>Returns a port that was free a moment ago.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
