using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LandUse.Cli.Hosting;

/// <summary>
/// The in-process Durable Task engine caps concurrent work items at Environment.ProcessorCount and sleeps
/// 500 ms when full, which stalls a fan-out on a 2-core machine. The count can only be raised before the
/// runtime starts, so commands that host the engine re-launch this process once with DOTNET_PROCESSOR_COUNT set.
/// SIGINT and SIGTERM sent to this parent are forwarded to the child, which stops gracefully.
/// Thread pools that do real work size themselves from <see cref="LandUse.Scoring.Hosting.MachineCores"/>.
/// </summary>
internal static partial class ProcessorCountRelaunch
{
    public const string Variable = "DOTNET_PROCESSOR_COUNT";
    public const int EngineProcessorCount = 1024;

    private static readonly HashSet<string> EngineCommands = new(StringComparer.Ordinal) { "run", "demo", "bench" };

    public static bool ShouldRelaunch(string[] args) =>
        args.Length > 0
        && EngineCommands.Contains(args[0])
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))
        && Environment.ProcessPath is not null;

    public static async Task<int> RunChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            // Started as `dotnet landuse.dll`: keep the assembly as the first argument.
            start.ArgumentList.Add(typeof(ProcessorCountRelaunch).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Variable] = EngineProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not re-launch landuse.");

        // The child does the work and stops gracefully on SIGINT/SIGTERM: pass them on (a terminal's Ctrl+C reaches both;
        // the child treats the two deliveries as one) and wait for it.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, child, SigInt));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, child, SigTerm));
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;

    private static void Forward(PosixSignalContext context, Process child, int signal)
    {
        context.Cancel = true;
        if (!child.HasExited && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            _ = Kill(child.Id, signal);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
