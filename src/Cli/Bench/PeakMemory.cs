using System.Diagnostics;
using System.Globalization;

namespace LandUse.Cli.Bench;

/// <summary>
/// The process's peak working set (VmHWM) over one stage of the benchmark: Linux lets a process reset its own high-water
/// mark (writing 5 to /proc/self/clear_refs), so each stage's peak is its own even though all stages share a process.
/// Elsewhere the peak is the process's since it started, and says so.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Starts a stage: resets the high-water mark to the current working set; false when it could not be reset.</summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Scoring.Hosting.NativeHeap.Trim();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The peak working set since the last reset (or the process start), in MiB.</summary>
    public static long PeakMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>The 1-minute load average, or null off Linux.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
