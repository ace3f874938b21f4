using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LandUse.Cli.Hosting;

/// <summary>
/// The in-process Durable Task engine caps concurrent work items at Environment.ProcessorCount and sleeps
/// 500 ms when full, which stalls a fan-out on a 2-core machine. The count can only be raised before the
/// runtime starts, so commands that host the engine re-launch this process once with DOTNET_PROCESSOR_COUNT set.
/// SIGINT and SIGTERM sent to this parent are forwarded to the child, which stops gracefully; the child watches this
/// parent (<see cref="ParentWatch"/>) and stops the same way if it dies without a signal (SIGKILL).
/// Thread pools that do real work size themselves from <see cref="LandUse.Scoring.Hosting.MachineCores"/>.
/// </summary>
internal static class ProcessorCountRelaunch
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
        var start = SelfLaunch.StartInfo(args);
        start.Environment[Variable] = EngineProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ParentWatch.Describe(start);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not re-launch landuse.");

        // The child does the work and stops gracefully on SIGINT/SIGTERM: pass them on (a terminal's Ctrl+C reaches both;
        // the child treats the two deliveries as one) and wait for it.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, child, ProcessSignals.SigInt));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, child, ProcessSignals.SigTerm));
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }

    private static void Forward(PosixSignalContext context, Process child, int signal)
    {
        context.Cancel = true;
        if (!child.HasExited)
        {
            ProcessSignals.Send(child.Id, signal);
        }
    }
}
