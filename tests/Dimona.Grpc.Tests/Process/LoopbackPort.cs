using System.Net;
using System.Net.Sockets;

namespace Dimona.Grpc.Tests.Process;

/// <summary>Ports on the loopback address for the servers tests and the benchmark start.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on just now: the system's choice for a listener, closed again.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
