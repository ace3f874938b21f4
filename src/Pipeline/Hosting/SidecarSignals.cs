using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// The in-process engine's gRPC sidecar runs in a host of its own built with the default console lifetime, which stops
/// it on Ctrl+C or SIGTERM: the engine then freezes and a graceful stop can never finish. The package offers no option
/// for this, so after start-up this finds the sidecar's host and disposes its console lifetime, which unregisters those
/// signal handlers; signals are then the hosting command's to handle (the CLI stops the run gracefully).
/// </summary>
internal static class SidecarSignals
{
    /// <summary>True when the sidecar's signal handlers were found and removed.</summary>
    public static bool Detach(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            if (!hosted.GetType().Name.Contains("Sidecar", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var field in hosted.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (field.GetValue(hosted) is IHost sidecar && sidecar.Services.GetService<IHostLifetime>() is IDisposable lifetime)
                {
                    lifetime.Dispose();
                    return true;
                }
            }
        }

        return false;
    }
}
