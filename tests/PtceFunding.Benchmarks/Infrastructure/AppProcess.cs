using System.Net;
using System.Net.Sockets;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>
/// The one member of the integration tests' <c>AppProcess</c> that the linked <c>PostgresServer</c>
/// needs (the rest of that class depends on xunit).
/// </summary>
internal static class AppProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
