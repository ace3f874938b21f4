using System.ComponentModel;
using System.Diagnostics;

namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>Whether a pid on this host is still the process that took a lease (alive, and started when it said).</summary>
public static class ProcessLiveness
{
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    public static bool IsAlive(int processId, DateTimeOffset? startedAt)
    {
        if (processId <= 0)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                return false;
            }

            if (startedAt is not { } expected)
            {
                return true;
            }

            var actual = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
            return (actual - expected).Duration() <= StartTolerance;
        }
        catch (ArgumentException)
        {
            return false; // No such process.
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return true; // Cannot tell (another user's process): assume it holds.
        }
    }
}
