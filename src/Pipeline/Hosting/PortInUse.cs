using System.Net.Sockets;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// Recognises a loopback port taken between being picked and being bound: the in-process engine's sidecar picks a
/// free port and binds it a moment later, and another process (a test's Azurite, a second engine) can bind it first.
/// </summary>
internal static class PortInUse
{
    /// <summary>True when the exception, or one it wraps, is a socket bind refused with "address already in use".</summary>
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Caused))
            {
                return true;
            }
        }

        return false;
    }
}
