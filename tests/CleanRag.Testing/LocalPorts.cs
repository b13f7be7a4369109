using System.Net;
using System.Net.Sockets;

namespace CleanRag.Testing;

/// <summary>Ports on 127.0.0.1 for servers a test starts (an SMTP sink, an OTLP receiver, an API process).</summary>
public static class LocalPorts
{
    /// <summary>A port nothing listens on now, as the operating system hands out.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
