using System.Numerics;

namespace LandUse.Scoring.Hosting;

/// <summary>
/// The cores this process may really run on. The local engine raises DOTNET_PROCESSOR_COUNT to lift the
/// Durable Task work-item cap, so thread pools must be sized from the affinity mask instead.
/// </summary>
public static class MachineCores
{
    private static readonly Lazy<int> Cores = new(Read);

    public static int Count => Cores.Value;

    private static int Read()
    {
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            {
                var mask = (ulong)(long)System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity;
                var count = BitOperations.PopCount(mask);
                if (count > 0)
                {
                    return count;
                }
            }
        }
        catch (PlatformNotSupportedException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return Math.Max(1, Math.Min(Environment.ProcessorCount, 64));
    }
}
