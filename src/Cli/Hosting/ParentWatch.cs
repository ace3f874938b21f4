using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LandUse.Pipeline.Ledger.Leases;

namespace LandUse.Cli.Hosting;

/// <summary>
/// Keeps a re-launched child from outliving its parent: the parent passes its pid and start time in the environment,
/// and the child checks every <see cref="Poll"/> that it is still there (still its parent, alive, started then: a dead
/// parent's children are re-parented at once, even while it is an unreaped zombie). When it is gone (SIGKILL, a crash) the child
/// stops the way Ctrl+C does (SIGTERM to itself: in-flight batches finish and are written, the lease is released), and
/// exits anyway <see cref="ForceExitAfter"/> later.
/// </summary>
internal static partial class ParentWatch
{
    public const string PidVariable = "LANDUSE_PARENT_PID";
    public const string StartVariable = "LANDUSE_PARENT_START_TICKS";
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ForceExitAfter = TimeSpan.FromSeconds(30);

    /// <summary>The environment a child gets so it can watch this process.</summary>
    public static void Describe(ProcessStartInfo child)
    {
        ArgumentNullException.ThrowIfNull(child);
        using var self = Process.GetCurrentProcess();
        child.Environment[PidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        child.Environment[StartVariable] = self.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Starts watching the parent named in the environment, if any.</summary>
    public static void StartIfChild(TextWriter log)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(PidVariable), CultureInfo.InvariantCulture, out var parent))
        {
            return;
        }

        DateTimeOffset? started = long.TryParse(Environment.GetEnvironmentVariable(StartVariable), CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

        // Only this process watches that parent: processes it starts (bench's working-set probe) are not its children.
        Environment.SetEnvironmentVariable(PidVariable, null);
        Environment.SetEnvironmentVariable(StartVariable, null);
        var thread = new Thread(() => Watch(parent, started, log)) { IsBackground = true, Name = "landuse parent watch" };
        thread.Start();
    }

    private static void Watch(int parent, DateTimeOffset? started, TextWriter log)
    {
        while (IsParent(parent) && ProcessLiveness.IsAlive(parent, started))
        {
            Thread.Sleep(Poll);
        }

        log.WriteLine($"The parent landuse process ({parent}) is gone: stopping as on Ctrl+C.");
        ProcessSignals.Terminate(Environment.ProcessId);
        Thread.Sleep(ForceExitAfter);
        log.WriteLine("Still running after the parent went: exiting.");
        Environment.Exit(130);
    }

    private static bool IsParent(int parent) => !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || GetParentProcessId() == parent;

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();
}
