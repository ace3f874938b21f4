using System.Globalization;
using System.Numerics;

namespace LandUse.Scoring.Hosting;

/// <summary>
/// The cores this process may really run on: the affinity mask, capped by the cgroup CPU quota (<see cref="CpuQuota"/>).
/// The local engine raises DOTNET_PROCESSOR_COUNT to lift the Durable Task work-item cap, so thread pools must be sized
/// from here instead of Environment.ProcessorCount.
/// </summary>
public static class MachineCores
{
    private static readonly Lazy<(int Affinity, int? Quota)> Cores = new(() => (ReadAffinity(), CpuQuota.Read()));

    public static int Count => Math.Max(1, Math.Min(Cores.Value.Affinity, Cores.Value.Quota ?? int.MaxValue));

    /// <summary>Cores in the affinity mask.</summary>
    public static int Affinity => Cores.Value.Affinity;

    /// <summary>Whole cores the cgroup CPU quota allows; null when no quota is set.</summary>
    public static int? Quota => Cores.Value.Quota;

    /// <summary>"2 (affinity 2, cgroup quota none)": where the count comes from, for benchmark output.</summary>
    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} (affinity {Affinity}, cgroup quota {(Quota is { } q ? q.ToString(CultureInfo.InvariantCulture) : "none")})");

    private static int ReadAffinity()
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
